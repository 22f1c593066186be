// The load in progress: a bar, the same progress as text (bytes while fetching, rows
// while inserting), and Cancel.
import type { LoadProgress } from '../engine/protocol';
import { en } from '../i18n/en';
import { formatBytes, formatInt } from './format';

export function progressText(p: LoadProgress | null): string {
  if (!p) return en.preparing;
  if (p.phase === 'fetch') return en.bytesOf(formatBytes(p.bytesLoaded), p.bytesTotal ? formatBytes(p.bytesTotal) : null);
  if (p.rows !== null) return en.rowsOf(formatInt(p.rows), p.rowsTotal ? formatInt(p.rowsTotal) : null);
  return en.bytesOf(formatBytes(p.bytesLoaded), null);
}

/** 0–1 when the share done is known; undefined draws an indeterminate bar. */
function fraction(p: LoadProgress | null): number | undefined {
  if (!p) return undefined;
  if (p.phase === 'fetch' && p.bytesTotal) return p.bytesLoaded / p.bytesTotal;
  if (p.rows !== null && p.rowsTotal) return p.rows / p.rowsTotal;
  return undefined;
}

export function ProgressBar({
  fileName,
  progress,
  onCancel,
}: {
  fileName: string;
  progress: LoadProgress | null;
  onCancel: () => void;
}) {
  const text = progressText(progress);
  return (
    <div className="progress-box" data-loading={fileName}>
      <progress className="progress" aria-label={en.loading(fileName)} aria-valuetext={text} max={1} value={fraction(progress)} />
      <span className="progress-text">
        {fileName}: {text}
      </span>
      <button type="button" onClick={onCancel} aria-label={en.cancelLoading(fileName)}>
        {en.cancel}
      </button>
    </div>
  );
}

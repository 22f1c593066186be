// The load in progress: a bar, the same progress as text (bytes while fetching, rows
// while inserting), and Cancel.
import type { LoadProgress } from '../engine/protocol';
import { formatBytes, formatInteger, t, useT } from '../i18n';

export function progressText(p: LoadProgress | null): string {
  if (!p) return t('load.preparing');
  if (p.phase === 'fetch') return p.bytesTotal ? t('load.bytesOf', { loaded: formatBytes(p.bytesLoaded), total: formatBytes(p.bytesTotal) }) : formatBytes(p.bytesLoaded);
  if (p.rows !== null) return p.rowsTotal ? t('load.rowsOf', { rows: formatInteger(p.rows), total: p.rowsTotal }) : t('common.rows', { n: p.rows });
  return formatBytes(p.bytesLoaded);
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
  const t = useT();
  const text = progressText(progress);
  return (
    <div className="progress-box" data-loading={fileName}>
      <progress className="progress" aria-label={t('load.loading', { name: fileName })} aria-valuetext={text} max={1} value={fraction(progress)} />
      <span className="progress-text">
        {t('load.progress', { name: fileName, progress: text })}
      </span>
      <button type="button" onClick={onCancel} aria-label={t('load.cancelLoading', { name: fileName })}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

import type { LoadProgress } from '../engine/protocol';

export function ProgressBar({ progress }: { progress: LoadProgress }) {
  const { bytesLoaded, bytesTotal } = progress;
  const value = progress.phase === 'fetch' && bytesTotal ? bytesLoaded / bytesTotal : undefined;
  return (
    <progress
      className="progress"
      aria-label={`Loading ${progress.fileName}`}
      max={1}
      value={value}
    />
  );
}

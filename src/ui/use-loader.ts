// Loads, one at a time: each gets an abort signal (Cancel aborts it, and the engine stops
// the load), its progress for the progress bar, and its outcome in the status or alert region.
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { DatasetInfo, LoadProgress } from '../engine/protocol';
import { formatList, t } from '../i18n';
import type { Coordinator } from './coordinator';
import type { SignalOptions } from './connector';
import { explainLoadError, isCancelled } from './load-messages';

export interface LoadJob {
  loadId: string;
  fileName: string;
  progress: LoadProgress | null;
}

type Start = (engine: Coordinator, call: SignalOptions<LoadProgress>) => Promise<DatasetInfo>;

export function useLoader(
  /** Resolves once the engine is initialised: loads asked for earlier wait for it. */
  engine: RefObject<Promise<Coordinator>>,
  say: (p: { status?: string; alert?: string }) => void,
  onLoaded: (info: DatasetInfo) => void,
) {
  const [job, setJob] = useState<LoadJob | null>(null);
  // The UI queues loads too, so the progress bar and Cancel always mean the running one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const current = useRef<{ loadId: string; controller: AbortController } | null>(null);
  const counter = useRef(0);
  // Loads queued while others run are one batch: its end names every dataset it loaded,
  // so no load's announcement is lost under the next one's.
  const batch = useRef<{ pending: number; loaded: string[] }>({ pending: 0, loaded: [] });

  /** Queue a load; `url` (absolute) lets fetch failures be explained with it, `asGiven` with the relative path a link named. */
  const run = useCallback(
    (fileName: string, start: Start, url?: string, asGiven?: string): Promise<DatasetInfo | null> => {
      batch.current.pending++;
      const next = queue.current.then(async (): Promise<DatasetInfo | null> => {
        const e = await engine.current;
        const loadId = `load-${++counter.current}`;
        const controller = new AbortController();
        current.current = { loadId, controller };
        setJob({ loadId, fileName, progress: null });
        say({ status: t('load.loading', { name: fileName }) });
        const onProgress = (p: LoadProgress) => {
          if (current.current?.loadId === loadId) setJob((j) => (j?.loadId === loadId ? { ...j, progress: p } : j));
        };
        try {
          const info = await start(e, { signal: controller.signal, onProgress });
          batch.current.loaded.push(t('load.loadedItem', { name: info.name, rows: info.rows }));
          say({ status: t('load.loaded', { name: info.name, rows: info.rows }), alert: '' });
          onLoaded(info);
          return info;
        } catch (err) {
          // A cancel is the user's own doing: reported as status, not as an error.
          if (isCancelled(err)) say({ status: t('load.cancelled', { name: fileName }) });
          else say({ alert: explainLoadError(err, url, asGiven), status: '' });
          return null;
        } finally {
          current.current = null;
          setJob(null);
          if (--batch.current.pending === 0) {
            const { loaded } = batch.current;
            if (loaded.length > 1) say({ status: t('load.loadedMany', { count: loaded.length, list: formatList(loaded) }) });
            batch.current.loaded = [];
          }
        }
      });
      queue.current = next;
      return next;
    },
    [engine, say, onLoaded],
  );

  const cancel = useCallback(() => current.current?.controller.abort(), []);

  return { job, run, cancel };
}

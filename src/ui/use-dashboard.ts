// Dashboard state: the engine, the loaded datasets, their layers, and what the live
// regions say. All data work happens in the worker; this hook only asks and renders.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetInfo, LoadProgress } from '../engine/protocol';
import type { DashboardConfig } from '../config/schema';
import { suggestLayers } from '../map/suggest';
import type { LayerSpec } from '../map/layer-spec';
import { en } from '../i18n/en';
import { progressCallback, startEngine, type EngineClient } from './engine-client';
import { loadCatalog, loadConfig } from './config-loader';
import { formatBytes, formatInt } from './format';

export interface DashboardState {
  config: DashboardConfig | null;
  datasets: DatasetInfo[];
  specs: LayerSpec[];
  status: string;
  alert: string;
  /** Bytes/rows of the load in progress, for the progress bar. */
  progress: LoadProgress | null;
}

export function useDashboard(baseUrl: string) {
  const engine = useRef<EngineClient | null>(null);
  const [readyEngine, setReadyEngine] = useState<EngineClient | null>(null);
  const [state, setState] = useState<DashboardState>({
    config: null,
    datasets: [],
    specs: [],
    status: en.starting,
    alert: '',
    progress: null,
  });
  const patch = useCallback((p: Partial<DashboardState>) => setState((s) => ({ ...s, ...p })), []);

  const onProgress = useCallback(
    (p: LoadProgress) => {
      const status =
        p.phase === 'fetch'
          ? en.loadingBytes(p.fileName, formatBytes(p.bytesLoaded), p.bytesTotal ? formatBytes(p.bytesTotal) : null)
          : p.rows !== null
            ? en.loadingRows(p.fileName, formatInt(p.rows))
            : en.loading(p.fileName);
      patch({ status, progress: p.phase === 'done' ? null : p });
    },
    [patch],
  );

  const addDataset = useCallback(
    async (load: (e: EngineClient) => Promise<DatasetInfo>) => {
      const e = engine.current;
      if (!e) return;
      try {
        const info = await load(e);
        patch({ status: en.loaded(info.name, formatInt(info.rows)), alert: '', progress: null });
        performance.mark('citylens:data-ready', { detail: { dataset: info.id } });
        setState((s) => ({
          ...s,
          datasets: [...s.datasets, info],
          specs: [...suggestLayers(info), ...s.specs],
        }));
      } catch (err) {
        patch({ alert: en.loadFailed((err as Error).message), progress: null, status: '' });
      }
    },
    [patch],
  );

  const openFiles = useCallback(
    async (files: Iterable<File>) => {
      for (const file of files) {
        patch({ status: en.loading(file.name) });
        await addDataset((e) => e.loadFile(file, {}));
      }
    },
    [addDataset, patch],
  );

  const removeDataset = useCallback(async (id: string) => {
    await engine.current?.removeDataset(id);
    setState((s) => ({
      ...s,
      datasets: s.datasets.filter((d) => d.id !== id),
      specs: s.specs.filter((l) => l.dataset !== id && l.districts !== id),
    }));
  }, []);

  useEffect(() => {
    let cancelled = false;
    const e = startEngine();
    engine.current = e;
    (async () => {
      try {
        const config = await loadConfig(baseUrl);
        patch({ config });
        const status = await e.init({ baseUrl });
        if (cancelled) return;
        // A Comlink proxy is callable: wrap it, or React takes it for an updater function.
        setReadyEngine(() => e);
        patch({ status: en.engineReady(status.initMs) });
        const urls = new URLSearchParams(location.search).getAll('data');
        const found = await loadCatalog(baseUrl, config);
        if (!found && urls.length === 0) {
          patch({ status: en.noCatalog });
          return;
        }
        // Data named in the page URL replaces the config's default datasets.
        for (const id of found && urls.length === 0 ? config.load : []) {
          const entry = found!.catalog.datasets.find((d) => d.id === id);
          if (!entry) continue;
          const url = new URL(entry.file, found!.url).href;
          const options = { name: entry.id, source: entry.source, licence: entry.licence };
          await addDataset((eng) => eng.loadUrl(url, options, progressCallback(onProgress)));
        }
        for (const raw of urls) {
          const url = new URL(raw, baseUrl).href;
          await addDataset((eng) => eng.loadUrl(url, {}, progressCallback(onProgress)));
        }
      } catch (err) {
        patch({ alert: (err as Error).message, status: '' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [baseUrl, addDataset, onProgress, patch]);

  const setSpecs = useCallback((specs: LayerSpec[]) => setState((s) => ({ ...s, specs })), []);

  return { state, engine: readyEngine, openFiles, removeDataset, setSpecs };
}

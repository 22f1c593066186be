// Dashboard state: the engine, the loaded datasets, their layers, the catalog, and what
// the live regions say. All data work happens in the worker; this hook only asks and
// renders. Loading itself (queue, progress, cancel) is use-loader.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetInfo, LoadOptions } from '../engine/protocol';
import type { CatalogEntry, DashboardConfig } from '../config/schema';
import { suggestLayers } from '../map/suggest';
import type { LayerSpec } from '../config/layer';
import { formatFixed, t } from '../i18n';
import { startEngine } from './engine-client';
import { createCoordinator, type Coordinator } from './coordinator';
import { loadCatalog, loadConfig } from './config-loader';
import { useLoader } from './use-loader';
import { fileNameOf } from '../engine/file-name';

export interface DashboardState {
  config: DashboardConfig | null;
  datasets: DatasetInfo[];
  specs: LayerSpec[];
  status: string;
  alert: string;
  /** The config's catalog and the URL its file paths resolve against. */
  catalog: { entries: CatalogEntry[]; url: string } | null;
}


export function useDashboard(baseUrl: string) {
  const coordinator = useRef<Coordinator | null>(null);
  const ready = useRef<{ promise: Promise<Coordinator>; resolve: (e: Coordinator) => void } | null>(null);
  if (!ready.current) {
    let resolve!: (e: Coordinator) => void;
    const promise = new Promise<Coordinator>((r) => (resolve = r));
    ready.current = { promise, resolve };
  }
  const whenReady = useRef(ready.current.promise);
  const [readyCoordinator, setReadyCoordinator] = useState<Coordinator | null>(null);
  const [state, setState] = useState<DashboardState>({
    config: null,
    datasets: [],
    specs: [],
    status: t('status.starting'),
    alert: '',
    catalog: null,
  });
  const patch = useCallback((p: Partial<DashboardState>) => setState((s) => ({ ...s, ...p })), []);

  const onLoaded = useCallback((info: DatasetInfo) => {
    performance.mark('citylens:data-ready', { detail: { dataset: info.id } });
    setState((s) => ({ ...s, datasets: [...s.datasets, info], specs: [...suggestLayers(info, s.specs.map((l) => l.id)), ...s.specs] }));
  }, []);
  const loader = useLoader(whenReady, patch, onLoaded);
  const { run } = loader;

  /** Load an absolute URL (the caller resolves relative ones against the app's base). */
  const loadUrl = useCallback(
    (url: string, options: LoadOptions = {}) =>
      run(fileNameOf(url), (e, call) => e.loadUrl(url, options, call), url),
    [run],
  );

  const loadEntry = useCallback(
    (entry: CatalogEntry, catalogUrl: string) =>
      loadUrl(new URL(entry.file, catalogUrl).href, { name: entry.title ?? entry.id, source: entry.source, licence: entry.licence }),
    [loadUrl],
  );

  /** Several files load one after another, each with its own progress and outcome. */
  const openFiles = useCallback(
    (files: Iterable<File>) =>
      Promise.all([...files].map((file) => run(file.name, (e, call) => e.loadFile(file, {}, call)))),
    [run],
  );

  const removeDataset = useCallback(async (id: string) => {
    await coordinator.current?.query({ type: 'remove', dataset: id });
    setState((s) => ({
      ...s,
      datasets: s.datasets.filter((d) => d.id !== id),
      specs: s.specs.filter((l) => l.dataset !== id && !(l.kind === 'districts' && l.districts === id)),
    }));
  }, []);

  const renameDataset = useCallback(
    async (id: string, name: string) => {
      const e = coordinator.current;
      if (!e) return;
      try {
        // The engine's answer is the source of truth; keep the panel's order.
        const { value: renamed } = await e.query({ type: 'rename', dataset: id, name });
        setState((s) => ({ ...s, datasets: s.datasets.map((d) => (d.id === id ? renamed : d)) }));
      } catch (err) {
        patch({ alert: (err as Error).message });
      }
    },
    [patch],
  );

  useEffect(() => {
    let cancelled = false;
    const e = createCoordinator({ connector: startEngine() });
    coordinator.current = e;
    (async () => {
      try {
        // DuckDB takes seconds to start: start it first, read the config and catalog meanwhile.
        const starting = e.init({ baseUrl });
        starting.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
        const config = await loadConfig(baseUrl);
        patch({ config });
        const catalog = loadCatalog(baseUrl, config);
        catalog.catch(() => {});
        const status = await starting;
        performance.mark('citylens:engine-ready');
        if (cancelled) return;
        setReadyCoordinator(e);
        ready.current!.resolve(e);
        patch({ status: t('status.engineReady', { seconds: formatFixed(status.initMs / 1000, 1) }) });
        const urls = new URLSearchParams(location.search).getAll('data');
        const found = await catalog;
        if (found) patch({ catalog: { entries: found.catalog.datasets, url: found.url } });
        if (!found && urls.length === 0) {
          patch({ status: t('status.noCatalog') });
          return;
        }
        // Data named in the page URL replaces the config's default datasets.
        for (const id of found && urls.length === 0 ? config.load : []) {
          const entry = found!.catalog.datasets.find((d) => d.id === id);
          if (entry) await loadEntry(entry, found!.url);
        }
        for (const raw of urls) await loadUrl(new URL(raw, baseUrl).href);
      } catch (err) {
        patch({ alert: (err as Error).message, status: '' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [baseUrl, loadEntry, loadUrl, patch]);

  const setSpecs = useCallback((specs: LayerSpec[]) => setState((s) => ({ ...s, specs })), []);

  return {
    state,
    coordinator: readyCoordinator,
    job: loader.job,
    cancelLoad: loader.cancel,
    openFiles,
    loadUrl,
    loadEntry,
    removeDataset,
    renameDataset,
    setSpecs,
  };
}

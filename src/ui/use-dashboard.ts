// Dashboard state: the engine, the loaded datasets, their layers, the catalog, and what
// the live regions say. All data work happens in the worker; this hook only asks and
// renders. Loading itself (queue, progress, cancel) is use-loader.ts.
import { tableNameFor } from '../engine/sql/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetInfo, LoadOptions } from '../engine/protocol';
import type { CatalogEntry } from '../config/catalog';
import type { DashboardConfig } from '../config/dashboard';
import type { DatasetEntry } from '../config/dataset-entry';
import { layersFor } from './use-link';
import type { LayerSpec } from '../config/layer';
import { formatFixed, getLocale, t } from '../i18n';
import { startEngine } from './engine-client';
import { createCoordinator, type Coordinator } from './coordinator';
import { CONFIG_FILE, configSource, loadDashboard } from './config-loader';
import { readManifest } from './public/published-data';
import type { PublishManifest } from '../config/published';
import { datasetAsEntry, datasetLoadOptions, mergeEntries } from './config-datasets';
import { checkDataLink } from './data-link';
import { useLoader } from './use-loader';
import { fileNameOf } from '../engine/file-name';
import { NO_BASEMAP } from '../map/basemap';
import { readLink, type LinkSource, type LinkState } from '../config/url-state';
import { applyLayerChanges } from '../config/url-layers';

export interface DashboardState {
  config: DashboardConfig | null;
  datasets: DatasetInfo[];
  specs: LayerSpec[];
  status: string;
  alert: string;
  /** Alert lines that stay: every problem of the config, and data links refused. */
  problems: string[];
  /** The config's catalog and the URL its file paths resolve against. */
  catalog: { entries: CatalogEntry[]; url: string } | null;
  /** The link the page opened with (src/config/url-state.ts), once read. */
  link: LinkState | null;
  /** Where each loaded dataset came from, by dataset id (files have none: no link can hold them). */
  sources: Record<string, LinkSource>;
  /** True once the link's datasets and layers are in place: from then on the URL follows the state. */
  restored: boolean;
  /** What publish wrote beside the config (the first frame's layers), once read; manifest null when none. */
  published: { configUrl: string; manifest: PublishManifest | null } | null;
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
    problems: [],
    catalog: null,
    link: null,
    sources: {},
    restored: false,
    published: null,
  });
  const patch = useCallback((p: Partial<DashboardState>) => setState((s) => ({ ...s, ...p })), []);

  const onLoaded = useCallback((info: DatasetInfo) => {
    performance.mark('citylens:data-ready', { detail: { dataset: info.id } });
    setState((s) => ({ ...s, datasets: [...s.datasets, info], specs: [...layersFor(info, s.config?.layers ?? [], s.specs.map((l) => l.id), new Set([...s.datasets.map((d) => d.id), info.id])), ...s.specs] }));
  }, []);
  const loader = useLoader(whenReady, patch, onLoaded);
  const { run } = loader;
  // What the config says about loading: the origins it allows, its file name, its datasets.
  const allowed = useRef<{ connectOrigins: readonly string[]; configFile: string; datasets: readonly DatasetEntry[] }>({
    connectOrigins: [],
    configFile: CONFIG_FILE,
    datasets: [],
  });
  const columnProblems = useRef<(datasetId: string, columns: readonly string[]) => string[]>(() => []);

  /**
   * Load an absolute URL (the caller resolves relative ones against the app's base, and
   * passes the path as given). An origin the config does not allow is refused unfetched.
   */
  const loadFrom = useCallback(
    async (url: string, options: LoadOptions, asGiven: string | undefined, source: LinkSource) => {
      const link = checkDataLink(url, { baseUrl, pageOrigin: location.origin, ...allowed.current });
      if (!link.ok) {
        patch({ alert: link.message });
        return;
      }
      const info = await run(fileNameOf(url), (e, call) => e.loadUrl(url, options, call), url, asGiven);
      if (info) setState((s) => ({ ...s, sources: { ...s.sources, [info.id]: source } }));
      return info;
    },
    [baseUrl, patch, run],
  );

  const loadUrl = useCallback(
    (url: string, options: LoadOptions = {}, asGiven?: string) => loadFrom(url, options, asGiven, { url: asGiven ?? url }),
    [loadFrom],
  );

  const loadEntry = useCallback(
    async (entry: CatalogEntry, catalogUrl: string) => {
      const configured = allowed.current.datasets.find((d) => d.id === entry.id);
      const options = { name: entry.title ?? entry.id, source: entry.source, licence: entry.licence, ...(configured ? datasetLoadOptions(configured) : {}) };
      const info = await loadFrom(new URL(entry.file, catalogUrl).href, options, undefined, { entry: entry.id });
      // Roles and value columns can only be checked against the table once it is there.
      const lines = info && configured ? columnProblems.current(info.id, info.columns.filter((c) => !c.internal).map((c) => c.name)) : [];
      if (lines.length) setState((s) => ({ ...s, problems: [...s.problems, ...lines] }));
    },
    [loadFrom],
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
      sources: Object.fromEntries(Object.entries(s.sources).filter(([k]) => k !== id)),
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
        // The published layers draw the first frame while DuckDB starts (use-published-preview.ts).
        const source = configSource(location.search, baseUrl);
        if (source.ok) void readManifest(source.url).then((manifest) => !cancelled && patch({ published: { configUrl: source.url, manifest } }));
        const [loaded, read] = await Promise.all([loadDashboard(baseUrl, location.search, location.origin), readLink(location.href)]);
        const { config } = loaded;
        allowed.current = { connectOrigins: config.connectOrigins, configFile: loaded.fileName, datasets: config.datasets };
        columnProblems.current = loaded.columnProblems;
        const { link } = read;
        const badBasemap = link.basemap && link.basemap !== NO_BASEMAP && !config.basemap.basemaps.some((b) => b.id === link.basemap);
        const linkProblems = [...read.problems, ...(badBasemap ? [t('link.noBasemap', { basemap: link.basemap! })] : [])];
        patch({ config, problems: [...loaded.messages, ...linkProblems], link });
        const status = await starting;
        performance.mark('citylens:engine-ready');
        if (cancelled) return;
        setReadyCoordinator(e);
        ready.current!.resolve(e);
        patch({ status: t('status.engineReady', { seconds: formatFixed(status.initMs / 1000, 1) }) });
        // The link's datasets replace the config's default ones.
        const sources = link.sources ?? config.load.map((entry) => ({ entry }));
        const links = sources.flatMap((src) => ('url' in src ? [src.url] : []));
        const language = getLocale();
        const fromConfig = config.datasets.map((d) => datasetAsEntry(d, loaded.configUrl, language, config.languages));
        const entries = mergeEntries(fromConfig, loaded.catalog?.catalog.datasets ?? []);
        const entriesUrl = loaded.catalog?.url ?? loaded.configUrl;
        if (entries.length) patch({ catalog: { entries, url: entriesUrl } });
        if (!entries.length && links.length === 0) {
          patch({ status: t('status.noCatalog') });
          return;
        }
        // Links are input: each is checked before anything is fetched.
        // Queued together, so the status names them all in one message once they are in.
        const refused: string[] = [];
        const loads: Promise<void>[] = [];
        for (const src of sources) {
          if ('entry' in src) {
            // Links made before config ids became table ids name them with '-' (nyc_…_2024-03).
            const entry = entries.find((d) => d.id === src.entry) ?? entries.find((d) => d.id === tableNameFor(src.entry, new Set()));
            if (entry) loads.push(loadEntry(entry, entriesUrl));
            else if (link.sources) refused.push(t('link.noEntry', { id: src.entry }));
            continue;
          }
          const checked = checkDataLink(src.url, { baseUrl, pageOrigin: location.origin, ...allowed.current });
          if (checked.ok) loads.push(loadFrom(checked.url, {}, checked.relative ? src.url : undefined, src).then(() => undefined));
          else refused.push(checked.message);
        }
        await Promise.all(loads);
        if (refused.length) setState((s) => ({ ...s, problems: [...s.problems, ...refused] }));
        // The loads made the config's layers (the base); the link's layers are changes to them.
        if (!cancelled && link.layers) {
          const changes = link.layers;
          setState((s) => {
            const applied = applyLayerChanges(s.specs, changes, new Set(s.datasets.map((d) => d.id)));
            return { ...s, specs: applied.layers, problems: [...s.problems, ...applied.dropped] };
          });
        }
      } catch (err) {
        patch({ alert: (err as Error).message, status: '' });
      } finally {
        if (!cancelled) patch({ restored: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [baseUrl, loadEntry, loadFrom, patch]);

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
    /** Says something in the status or alert region (an export's outcome). */
    say: patch,
    /** A dataset the engine made (the SQL console's "Add to map"): listed and drawn like a loaded one. */
    addDataset: onLoaded,
  };
}

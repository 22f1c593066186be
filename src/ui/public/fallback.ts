// When a story layer's published file is missing or stale, the citizen view computes the
// layer in the browser with the same engine, the same layer request and the same
// conversion as `npm run cli -- publish`. This module is its own chunk, loaded only then,
// so a published story never fetches DuckDB-WASM or parquet-wasm.
import type { LoadedDashboard } from '../config-loader';
import { datasetLoadOptions } from '../config-datasets';
import { isAggregateLayer, type LayerSpec } from '../../config/layer';
import type { PublishedLayer } from '../../config/published';
import type { SideName, SidePair } from '../../config/side-window';
import { publishedQuery } from '../../config/dataset-time';
import type { TimeWindow } from '../../config/view';
import type { DatasetInfo } from '../../engine/protocol';
import { publishedLayer, sharedScale } from '../../map/published-layer';
import { startEngine } from '../engine-client';
import type { Connector } from '../connector';
import { t } from '../../i18n';

/** A layer computed here, or why it could not be. */
export type Computed = { ok: true; layer: PublishedLayer } | { ok: false; reason: string };

/** One engine for the page, started on the first fallback. */
let engine: Promise<Connector> | null = null;
/** Config dataset id → the loaded table (each file loads once). */
const tables = new Map<string, Promise<DatasetInfo>>();

function started(baseUrl: string): Promise<Connector> {
  engine ??= (async () => {
    const e = startEngine();
    await e.init({ baseUrl });
    return e;
  })();
  return engine;
}

/** The file of a dataset id: the config's entry, else the catalog's. */
function fileOf(dash: LoadedDashboard, id: string): { url: string; options: ReturnType<typeof datasetLoadOptions> } | null {
  const d = dash.config.datasets.find((x) => x.id === id);
  if (d) return { url: new URL(d.url, dash.configUrl).href, options: datasetLoadOptions(d) };
  const c = dash.catalog?.catalog.datasets.find((x) => x.id === id);
  return c ? { url: new URL(c.file, dash.catalog!.url).href, options: {} } : null;
}

function table(e: Connector, dash: LoadedDashboard, id: string): Promise<DatasetInfo> {
  let p = tables.get(id);
  if (!p) {
    const file = fileOf(dash, id);
    p = file ? e.loadUrl(file.url, file.options) : Promise.reject(new Error(t('public.noDataset', { dataset: id })));
    tables.set(id, p);
  }
  return p;
}

/** The layer's answer as `publish` runs it: over its dataset's configured time state, or over `time` when given (a before/after side's window). */
async function run(baseUrl: string, dash: LoadedDashboard, spec: LayerSpec, time?: TimeWindow) {
  const e = await started(baseUrl);
  const points = await table(e, dash, spec.dataset);
  const districts = spec.kind === 'districts' ? await table(e, dash, spec.districts) : null;
  const windowed = publishedQuery(spec, dash.config, points, districts, time);
  const answer = await e.query({ type: 'layer', layer: windowed });
  const shapes = districts ? (await e.query({ type: 'polygons', dataset: districts.id })).value : null;
  return { answer: answer.value, sql: answer.sql ?? '', shapes };
}

/** Compute one aggregate layer as `publish` would have written it. */
export async function computeLayer(baseUrl: string, dash: LoadedDashboard, spec: LayerSpec): Promise<Computed> {
  if (!isAggregateLayer(spec)) return { ok: false, reason: t('public.notAggregate', { layer: spec.title }) };
  try {
    const { answer, sql, shapes } = await run(baseUrl, dash, spec);
    return { ok: true, layer: publishedLayer({ spec, answer, shapes, minCount: dash.config.minCount, hash: '', sql }) };
  } catch (err) {
    return { ok: false, reason: t('public.fallbackFailed', { layer: spec.title, error: (err as Error).message }) };
  }
}

/** A layer on the sides of a before/after pair that show it, as `publish` would: each side's window, one pooled scale. */
export async function computeSides(baseUrl: string, dash: LoadedDashboard, spec: LayerSpec, pair: SidePair, sides: readonly SideName[]): Promise<{ side: SideName; computed: Computed }[]> {
  if (!isAggregateLayer(spec)) return sides.map((side) => ({ side, computed: { ok: false, reason: t('public.notAggregate', { layer: spec.title }) } }));
  try {
    const runs: Awaited<ReturnType<typeof run>>[] = [];
    for (const side of sides) runs.push(await run(baseUrl, dash, spec, pair[side]));
    const scale = runs.length > 1 ? sharedScale(spec, runs.map((r) => r.answer)) ?? undefined : undefined;
    return sides.map((side, i) => {
      const time = pair[side];
      const layer = publishedLayer({ spec, answer: runs[i].answer, shapes: runs[i].shapes, minCount: dash.config.minCount, hash: '', sql: runs[i].sql, scale, ...(time ? { time } : {}) });
      return { side, computed: { ok: true, layer } };
    });
  } catch (err) {
    return sides.map((side) => ({ side, computed: { ok: false, reason: t('public.fallbackFailed', { layer: spec.title, error: (err as Error).message }) } }));
  }
}

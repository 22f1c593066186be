// When a story layer's published file is missing or stale, the citizen view computes the
// layer in the browser with the same engine, the same layer request and the same
// conversion as `npm run cli -- publish`. This module is its own chunk, loaded only then,
// so a published story never fetches DuckDB-WASM or parquet-wasm.
import type { LoadedDashboard } from '../config-loader';
import { datasetLoadOptions } from '../config-datasets';
import { isAggregateLayer, type LayerSpec } from '../../config/layer';
import { layerQuery } from '../../config/layer-query';
import type { PublishedLayer } from '../../config/published';
import { publishedLayer } from '../../map/published-layer';
import { startEngine } from '../engine-client';
import type { Connector } from '../connector';
import { t } from '../../i18n';

/** A layer computed here, or why it could not be. */
export type Computed = { ok: true; layer: PublishedLayer } | { ok: false; reason: string };

/** One engine for the page, started on the first fallback. */
let engine: Promise<Connector> | null = null;
/** Config dataset id → loaded table id (each file loads once). */
const tables = new Map<string, Promise<string>>();

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

function table(e: Connector, dash: LoadedDashboard, id: string): Promise<string> {
  let p = tables.get(id);
  if (!p) {
    const file = fileOf(dash, id);
    p = file ? e.loadUrl(file.url, file.options).then((info) => info.id) : Promise.reject(new Error(t('public.noDataset', { dataset: id })));
    tables.set(id, p);
  }
  return p;
}

/** Compute one aggregate layer as `publish` would have written it. */
export async function computeLayer(baseUrl: string, dash: LoadedDashboard, spec: LayerSpec): Promise<Computed> {
  if (!isAggregateLayer(spec)) return { ok: false, reason: t('public.notAggregate', { layer: spec.title }) };
  try {
    const e = await started(baseUrl);
    const points = await table(e, dash, spec.dataset);
    const districts = spec.kind === 'districts' ? await table(e, dash, spec.districts) : null;
    const ran: LayerSpec = spec.kind === 'districts' && districts ? { ...spec, dataset: points, districts } : { ...spec, dataset: points };
    const answer = await e.query({ type: 'layer', layer: layerQuery(ran, dash.config.minCount) });
    const shapes = districts ? (await e.query({ type: 'polygons', dataset: districts })).value : null;
    const layer = publishedLayer({ spec, answer: answer.value, shapes, minCount: dash.config.minCount, hash: '', sql: answer.sql ?? '' });
    return { ok: true, layer };
  } catch (err) {
    return { ok: false, reason: t('public.fallbackFailed', { layer: spec.title, error: (err as Error).message }) };
  }
}

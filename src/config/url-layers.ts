// A link's layers as changes against the dashboard's own layers (the base: what the page
// shows without the link). A link names every layer in order: an id alone for a base
// layer as it is, `{ i: id, …settings that differ }` for a changed base layer (null for a
// setting the base has and the layer no longer does), and a whole layer (with `kind`) for
// one the base lacks, without the settings that equal their defaults. Base layers the link
// does not name were removed. Pure: the URL codec (url-state.ts) and its tests use it.
import { t } from '../i18n/t';
import { LayerSpec, parseLayer } from './layer';

/** One entry of a link's layer list (see above). */
export type LayerChange = string | Record<string, unknown>;

type Json = unknown;

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, Json>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, Json>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]));
  }
  return false;
}

/** The settings of `to` that differ from `from`; null for a setting `to` dropped. */
function changes(from: Record<string, Json>, to: Record<string, Json>, keep: readonly string[] = []): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(to)) if (v !== undefined && (keep.includes(k) || !same(from[k], v))) out[k] = v;
  for (const k of Object.keys(from)) if (from[k] !== undefined && to[k] === undefined) out[k] = null;
  return out;
}

/** The layer with only its required settings: everything else at its default. */
/** The settings every layer of a kind must give (the ones without a default). */
const REQUIRED = ['kind', 'id', 'dataset', 'title', 'districts', 'column'] as const;

function defaultsOf(layer: LayerSpec): Record<string, Json> {
  const bare = Object.fromEntries(REQUIRED.filter((k) => k in layer).map((k) => [k, (layer as Record<string, Json>)[k]]));
  const parsed = LayerSpec.safeParse(bare);
  return parsed.success ? parsed.data : {};
}

/** The link's layer list for `layers` against `base`; null when they are the same. */
export function diffLayers(base: readonly LayerSpec[], layers: readonly LayerSpec[]): LayerChange[] | null {
  if (same(base, layers)) return null;
  const byId = new Map(base.map((b) => [b.id, b]));
  return layers.map((layer): LayerChange => {
    const from = byId.get(layer.id);
    if (from && from.kind === layer.kind && from.dataset === layer.dataset) {
      const diff = changes(from, layer);
      return Object.keys(diff).length ? { i: layer.id, ...diff } : layer.id;
    }
    return changes(defaultsOf(layer), layer, REQUIRED);
  });
}

/** The layers a link gives, and a sentence for every one it named that could not be shown. */
export interface AppliedLayers {
  layers: LayerSpec[];
  dropped: string[];
}

const label = (entry: LayerChange, index: number): string =>
  typeof entry === 'string' ? entry : typeof entry.id === 'string' ? entry.id : typeof entry.i === 'string' ? entry.i : `#${index + 1}`;

/**
 * `changes` applied to `base`, keeping only layers that fit: a base layer the dashboard no
 * longer has, a setting the schema refuses, or a dataset that is not loaded drops that layer
 * (and says so), never the rest.
 */
export function applyLayerChanges(base: readonly LayerSpec[], changes: readonly LayerChange[], datasets: ReadonlySet<string>): AppliedLayers {
  const byId = new Map(base.map((b) => [b.id, b]));
  const layers: LayerSpec[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  changes.forEach((entry, index) => {
    const name = label(entry, index);
    let json: Json;
    if (typeof entry === 'string' || (entry && typeof entry === 'object' && 'i' in entry && !('kind' in entry))) {
      const id = typeof entry === 'string' ? entry : entry.i;
      const from = typeof id === 'string' ? byId.get(id) : undefined;
      if (!from) return void dropped.push(t('link.layerGone', { layer: name }));
      if (typeof entry === 'string') json = from;
      else {
        const { i: _id, ...patch } = entry;
        void _id;
        const merged: Record<string, Json> = { ...from };
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) delete merged[k];
          else merged[k] = v;
        }
        // What a layer is stays the base's.
        json = { ...merged, id: from.id, kind: from.kind, dataset: from.dataset };
      }
    } else if (entry && typeof entry === 'object') json = entry;
    else return void dropped.push(t('link.layerInvalid', { layer: name, problem: t('link.notLayer') }));
    const parsed = parseLayer(json);
    if (!parsed.ok) {
      const problem = parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
      return void dropped.push(t('link.layerInvalid', { layer: name, problem }));
    }
    const layer = parsed.layer;
    const missing = [layer.dataset, ...(layer.kind === 'districts' ? [layer.districts] : [])].find((d) => !datasets.has(d));
    if (missing !== undefined) return void dropped.push(t('link.layerNoData', { layer: layer.title || name, dataset: missing }));
    if (seen.has(layer.id)) return void dropped.push(t('link.layerTwice', { layer: layer.id }));
    seen.add(layer.id);
    layers.push(layer);
  });
  return { layers, dropped };
}

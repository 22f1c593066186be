// One published layer (src/config/published.ts) from a layer answer: each cell's or
// district's outline, value and colour index under the same scale the map draws with, and
// the legend's scale, method and SQL. Coordinates are rounded to 1e-5° (about 1 m), which
// the eye cannot tell apart and which halves the file.
import type { AggregateResult, LayerResult, PolygonShapes } from '../engine/protocol';
import type { EngineMessage } from '../engine/messages';
import { schemeOf } from '../engine/aggregate/schemes';
import { cellIds } from '../engine/export/tables';
import { isClassedLayer, type LayerSpec } from '../config/layer';
import { NO_VALUE, PUBLISHED_VERSION, SUPPRESSED, type PublishedFeature, type PublishedLayer } from '../config/published';
import type { TimeWindow } from '../config/view';
import { measureValues, type LayerData } from './layer-values';
import { layerScale } from './layer-scale';
import { compareSummary } from './compare-summary';
import { classOf } from '../scales/classify';
import { colourScale, scaleParts, type ColourScale } from '../scales/colour';
import { changeScale, classScale } from '../scales/significance';
import { t } from '../i18n';

const round = (v: number) => Math.round(v * 1e5) / 1e5;
const messageOf = (m: EngineMessage) => ({ code: m.code, ...(m.params ? { params: m.params } : {}) });

type Coordinates = [number, number][][] | [number, number][][][];
function rounded<T extends Coordinates>(c: T): T {
  const walk = (x: unknown): unknown => (typeof x === 'number' ? round(x) : (x as unknown[]).map(walk));
  return walk(c) as T;
}

/** The layer's cells or districts as drawn, from the layer request's answer. */
function resultOf(answer: LayerResult): { result: AggregateResult; data: LayerData } {
  if (answer.kind === 'cells') return { result: answer.result, data: answer };
  if (answer.kind === 'areas' && answer.result && answer.mesh.data) {
    return { result: answer.result, data: { kind: 'areas', mesh: answer.mesh.data, result: answer.result, values: answer.values, names: answer.names, analysis: answer.analysis } };
  }
  throw new Error(t('publish.notCells', { kind: answer.kind }));
}

export interface PublishInput {
  /** The spec as the config gives it (its dataset ids are the config's). */
  spec: LayerSpec;
  /** The spec as the engine ran it (the loaded datasets' ids). */
  answer: LayerResult;
  shapes: PolygonShapes | null;
  minCount: number;
  hash: string;
  sql: string;
  /** A before/after side's window (recorded in the file). */
  time?: TimeWindow;
  /** The scale to colour with instead of the layer's own: a pair's shared one (sharedScale). */
  scale?: ColourScale;
}

/**
 * One colour scale for the same layer over several answers (a before/after pair's sides),
 * computed over their values pooled, so a colour means the same value on every side. As
 * layerScale, but over the pool; null when a side has nothing to colour.
 */
export function sharedScale(spec: LayerSpec, answers: readonly LayerResult[]): ColourScale | null {
  const datas = answers.map((a) => resultOf(a).data);
  const parts = datas.map((d) => measureValues(spec, d));
  if (parts.some((p) => !p)) return null;
  const pooled = new Float64Array(parts.reduce((n, p) => n + p!.length, 0));
  let at = 0;
  for (const p of parts) {
    pooled.set(p!, at);
    at += p!.length;
  }
  const analysis = datas.map((d) => (d.kind === 'cells' || d.kind === 'areas' ? d.analysis : null));
  if (analysis.every((a) => a?.kind === 'hotspots')) return classScale('hotspots');
  if (analysis.every((a) => a?.kind === 'compare')) return changeScale(pooled);
  if (analysis.every((a) => !a) && isClassedLayer(spec)) {
    return colourScale(pooled, { scheme: spec.scheme, classification: spec.classification, classes: spec.classes, domain: spec.domain });
  }
  return null;
}

export function publishedLayer({ spec, answer, shapes, minCount, hash, sql, time, scale: given }: PublishInput): PublishedLayer {
  const { result, data } = resultOf(answer);
  const scale = given ?? layerScale(spec, data);
  const values = measureValues(spec, data);
  if (!scale || !values) throw new Error(t('publish.noValues', { layer: spec.id }));
  const scheme = schemeOf(result.by);
  const ids = cellIds(result).ids;
  const categorical = !!scale.categories;
  const features: PublishedFeature[] = [];
  for (let i = 0; i < result.length; i++) {
    const outline = scheme.outline(result, i, shapes);
    if (!outline) continue;
    const suppressed = result.suppressed[i] === 1;
    const v = values[i];
    let c = NO_VALUE;
    if (suppressed) c = SUPPRESSED;
    else if (Number.isFinite(v)) c = categorical ? v : scale.options.classification === 'linear' ? NO_VALUE : classOf(v, scale.breaks);
    const geometry = outline.type === 'Polygon'
      ? { type: 'Polygon' as const, coordinates: rounded(outline.coordinates) }
      : { type: 'MultiPolygon' as const, coordinates: rounded(outline.coordinates) };
    features.push({
      type: 'Feature',
      geometry,
      properties: { id: ids[i], name: result.names?.[i] ?? null, value: suppressed || !Number.isFinite(v) ? null : v, c },
    });
  }
  const parts = scaleParts(scale);
  const compare = data.kind !== 'points' && data.kind !== 'lines' && data.analysis?.kind === 'compare' ? data.analysis.result : null;
  return {
    version: PUBLISHED_VERSION,
    layer: spec.id,
    hash,
    spec,
    minCount,
    scale: { ...parts, options: { ...parts.options }, colours: parts.colours.map((c) => [...c]) },
    analysis: data.kind !== 'points' && data.kind !== 'lines' ? (data.analysis?.kind ?? null) : null,
    suppressedCells: result.suppressedCells,
    rows: result.rows,
    // The analysis's method when there is one, else the aggregation's (not the mesh's).
    method: messageOf(data.kind !== 'points' && data.kind !== 'lines' && data.analysis ? data.analysis.result.method : result.method),
    sql,
    ...(time ? { time } : {}),
    ...(compare ? { summary: compareSummary(compare, ids, result.names ?? null) } : {}),
    features: { type: 'FeatureCollection', features },
  };
}

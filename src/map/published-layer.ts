// One published layer (src/config/published.ts) from a layer answer: each cell's or
// district's outline, value and colour index under the same scale the map draws with, and
// the legend's scale, method and SQL. Coordinates are rounded to 1e-5° (about 1 m), which
// the eye cannot tell apart and which halves the file.
import type { AggregateResult, LayerResult, PolygonShapes } from '../engine/protocol';
import type { EngineMessage } from '../engine/messages';
import { schemeOf } from '../engine/aggregate/schemes';
import { cellIds } from '../engine/export/tables';
import type { LayerSpec } from '../config/layer';
import { NO_VALUE, PUBLISHED_VERSION, SUPPRESSED, type PublishedFeature, type PublishedLayer } from '../config/published';
import { measureValues, type LayerData } from './layer-values';
import { layerScale } from './layer-scale';
import { classOf } from '../scales/classify';
import { scaleParts } from '../scales/colour';
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
}

export function publishedLayer({ spec, answer, shapes, minCount, hash, sql }: PublishInput): PublishedLayer {
  const { result, data } = resultOf(answer);
  const scale = layerScale(spec, data);
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
    features: { type: 'FeatureCollection', features },
  };
}

// What the worker returned for a layer, and the values its colours come from: apart from
// deck-layers.ts so that the CLI's publish step reads them without loading deck.gl.
import type { AggregateResult, LayerAnalysisResult, LineShapes, PointMarks, PolygonMesh } from '../engine/protocol';
import { isAggregateLayer, type LayerSpec } from '../config/layer';

/** What the worker returned for a layer. */
export type LayerData =
  | { kind: 'points'; marks: PointMarks }
  | { kind: 'cells'; result: AggregateResult; analysis?: LayerAnalysisResult | null }
  | { kind: 'lines'; shapes: LineShapes }
  | {
      kind: 'areas';
      mesh: PolygonMesh;
      result: AggregateResult | null;
      values: Float64Array | null;
      names: (string | null)[] | null;
      analysis?: LayerAnalysisResult | null;
    };

/** The values a layer colours by, one per cell or feature (NaN = suppressed / no data). */
export function measureValues(spec: LayerSpec, data: LayerData): Float64Array | null {
  if (data.kind === 'points' || data.kind === 'lines') return null;
  const result = data.result;
  if (!result) return data.kind === 'areas' ? data.values : null;
  // Hotspots colour by class (codes); a comparison by its change.
  if (data.analysis?.kind === 'hotspots') return Float64Array.from(data.analysis.result.classes);
  if (data.analysis?.kind === 'compare') return data.analysis.result.change;
  const measure = isAggregateLayer(spec) ? spec.measure : 'value';
  if (measure === 'perKm2') return result.perKm2;
  if (measure === 'per1000' && result.per1000) return result.per1000;
  return result.values;
}

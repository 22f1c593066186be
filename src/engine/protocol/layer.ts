// A layer's data as one request and one answer: marks, cells, mesh, names and values
// together. Part of the engine contract (protocol/index.ts).
//
// Vocabulary: geometry is what does not change with the statistic (a polygon dataset's
// mesh, a line dataset's paths, the mesh of a set of H3 cells). The worker caches it per
// dataset (H3: per cell set) under a key; the caller lists the keys it already holds in
// `LayerRequest.have`, and the answer then carries the key without the geometry.
import type { AggregateRequest, AggregateResult } from './aggregate';
import type { CompareRequest, CompareResult, HotspotRequest, HotspotResult } from './analysis';
import type { PointMarks, PointMarksRequest } from './point-marks';
import type { LineShapes, PolygonMesh } from './shapes';

/** Points drawn as marks, optionally coloured and sized by columns. */
export interface PointsLayerQuery extends PointMarksRequest {
  kind: 'points';
}

/** Points drawn as a heatmap: marks weighed by their row counts, never coloured or sized. */
export interface HeatmapLayerQuery {
  kind: 'heatmap';
  dataset: string;
}

/** A line dataset's paths. */
export interface LinesLayerQuery {
  kind: 'lines';
  dataset: string;
}

/** A polygon dataset's outlines. */
export interface OutlinesLayerQuery {
  kind: 'outlines';
  dataset: string;
}

/** A polygon dataset coloured by one of its own numeric columns. */
export interface ChoroplethLayerQuery {
  kind: 'choropleth';
  dataset: string;
  column: string;
}

/** The kinds of layer that aggregate points into cells or districts. */
export type CellLayerKind = 'grid' | 'hexagon' | 'h3' | 'districts';

/** An analysis drawn from a cell layer's aggregate: hotspots, or a before/after comparison. */
export type LayerAnalysisQuery =
  | ({ kind: 'hotspots' } & Pick<HotspotRequest, 'neighbours' | 'rate' | 'fdr' | 'includeEmpty' | 'permutations' | 'seed'>)
  | ({ kind: 'compare' } & Pick<CompareRequest, 'time' | 'before' | 'after' | 'unit' | 'fdr'>);

/** An analysis's answer; its `cells` are the layer's cells (what is drawn, in the same order). */
export type LayerAnalysisResult = { kind: 'hotspots'; result: HotspotResult } | { kind: 'compare'; result: CompareResult };

/** Points aggregated into cells or districts; `kind` names the cell scheme of `by`. */
export interface CellsLayerQuery extends AggregateRequest {
  kind: CellLayerKind;
  analysis?: LayerAnalysisQuery;
}

/** What a layer draws, one variant per layer kind. */
export type LayerQuery =
  | PointsLayerQuery
  | HeatmapLayerQuery
  | LinesLayerQuery
  | OutlinesLayerQuery
  | ChoroplethLayerQuery
  | CellsLayerQuery;

/** Geometry under its cache key; `data` is null when the request listed `key` in `have`. */
export interface GeometryPart<G> {
  key: string;
  data: G | null;
}

/**
 * A layer's data. points: the marks (heatmap too); cells: grid/hexagon aggregates,
 * drawn from their centres; lines: the paths; areas: a polygon mesh (outlines,
 * choropleth, districts, H3) with the aggregate (districts, H3), the column's values
 * (choropleth) and feature names (choropleth, districts).
 */
export type LayerResult =
  | { kind: 'points'; marks: PointMarks }
  | { kind: 'cells'; result: AggregateResult; analysis: LayerAnalysisResult | null }
  | { kind: 'lines'; lines: GeometryPart<LineShapes> }
  | {
      kind: 'areas';
      mesh: GeometryPart<PolygonMesh>;
      result: AggregateResult | null;
      values: Float64Array | null;
      names: (string | null)[] | null;
      analysis: LayerAnalysisResult | null;
    };

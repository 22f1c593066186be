// The 'layer' request: everything one layer draws, in one answer. Geometry comes from
// the worker's GeometryCache and is left out when the caller already holds its key, so
// a change of statistic re-sends only the values.
import type { Engine } from '../engine';
import type { Aggregator } from '../aggregate/aggregator';
import type { Analysis } from '../analysis';
import type { AggregateResult, Answer, CellsLayerQuery, GeometryPart, LayerAnalysisResult, PolygonMesh, RequestOf } from '../protocol';
import { message } from '../messages';
import { h3Shapes, polygonMesh } from '../mesh';
import { columnValues, featureNames, featureValuesSql } from '../features';
import { h3CellSetKey, type GeometryCache } from './geometry-cache';
import { copyArrays } from './transfer';
import { EngineError } from '../engine-error';

/** What the layer handler works with. */
export interface LayerContext {
  engine: Engine;
  aggregator: Aggregator;
  analysis: Analysis;
  geometry: GeometryCache;
  /** Aborts when the request is cancelled while it runs: checked between stages. */
  signal: AbortSignal;
}

/** Geometry under `key`, left out (and not even built) when the caller holds the key. */
function part<G>(have: ReadonlySet<string>, key: string, get: () => G): GeometryPart<G> {
  // The cache keeps the original: a copy crosses the boundary (transferring detaches).
  return { key, data: have.has(key) ? null : copyArrays(get()) };
}

/** A polygon dataset's mesh, triangulated once per loaded dataset. */
function datasetMesh(ctx: LayerContext, have: ReadonlySet<string>, dataset: string): GeometryPart<PolygonMesh> {
  const key = ctx.geometry.datasetKey('mesh', dataset);
  return part(have, key, () =>
    ctx.geometry.get(
      key,
      () => {
        const shapes = ctx.engine.polygons(dataset);
        if (!shapes) throw new EngineError('dataset-no-polygons', { dataset: ctx.engine.dataset(dataset).name });
        return polygonMesh(shapes);
      },
      dataset,
    ),
  );
}

export async function layerAnswer(request: RequestOf<'layer'>, ctx: LayerContext): Promise<Answer<'layer'>> {
  const q = request.layer;
  const have = new Set(request.have);
  const { engine } = ctx;
  switch (q.kind) {
    case 'points':
    case 'heatmap': {
      // A heatmap weighs marks by their counts and is never coloured or sized.
      const marks = engine.pointMarks(q.kind === 'points' ? { dataset: q.dataset, colour: q.colour, sizeBy: q.sizeBy } : { dataset: q.dataset });
      return { request, sql: marks.sql, method: null, value: { kind: 'points', marks } };
    }
    case 'lines': {
      const info = engine.dataset(q.dataset);
      const lines = engine.lines(q.dataset);
      if (!lines) throw new EngineError('dataset-no-lines', { dataset: info.name });
      const key = ctx.geometry.datasetKey('lines', q.dataset);
      const method = message('method-shapes', { features: lines.featureCount });
      return { request, sql: null, method, value: { kind: 'lines', lines: part(have, key, () => lines) } };
    }
    case 'outlines': {
      const mesh = datasetMesh(ctx, have, q.dataset);
      const method = message('method-polygon-mesh', { features: engine.dataset(q.dataset).rows });
      return { request, sql: null, method, value: { kind: 'areas', mesh, result: null, values: null, names: null, analysis: null } };
    }
    case 'choropleth': {
      const info = engine.dataset(q.dataset);
      const values = columnValues(engine.connection, info, q.column);
      const names = featureNames(engine.connection, info);
      const mesh = datasetMesh(ctx, have, q.dataset);
      const method = message('method-column-values', { column: q.column, features: values.length });
      return { request, sql: featureValuesSql(info, q.column), method, value: { kind: 'areas', mesh, result: null, values, names, analysis: null } };
    }
    default:
      return cellsAnswer(request, q, ctx, have);
  }
}

/** A cell layer's aggregate, and its analysis where it has one (the layer and its exports share it). */
export async function cellsResult(
  { kind, analysis: query, ...aggregate }: CellsLayerQuery,
  ctx: Pick<LayerContext, 'aggregator' | 'analysis'>,
): Promise<{ result: AggregateResult; analysis: LayerAnalysisResult | null }> {
  if (aggregate.by.kind !== kind) throw new EngineError('layer-kind-mismatch', { kind, by: aggregate.by.kind });
  // An analysis layer draws the analysis's cells (include-empty may add some), in its order.
  if (query?.kind === 'hotspots') {
    const { kind: _, ...params } = query;
    const h = await ctx.analysis.hotspots({ ...aggregate, ...params });
    return { result: h.cells, analysis: { kind: 'hotspots', result: h } };
  }
  if (query?.kind === 'compare') {
    const { kind: _, ...params } = query;
    const c = await ctx.analysis.compare({ ...aggregate, ...params });
    return { result: c.cells, analysis: { kind: 'compare', result: c } };
  }
  return { result: await ctx.aggregator.aggregate(aggregate), analysis: null };
}

/** Grid and hexagon cells are drawn from their centres; H3 cells and districts as a mesh. */
async function cellsAnswer(
  request: RequestOf<'layer'>,
  { kind, analysis: query, ...aggregate }: CellsLayerQuery,
  ctx: LayerContext,
  have: ReadonlySet<string>,
): Promise<Answer<'layer'>> {
  const { result, analysis } = await cellsResult({ kind, analysis: query, ...aggregate }, ctx);
  const sql = analysis?.result.sql ?? result.sql;
  // A cancel that came while the aggregate ran spares the mesh work.
  ctx.signal.throwIfAborted();
  const by = aggregate.by;
  if (by.kind === 'h3') {
    const cells = result.h3!;
    const key = h3CellSetKey(cells);
    const mesh = part(have, key, () => ctx.geometry.get(key, () => polygonMesh(h3Shapes(cells))));
    const method = message('method-h3-mesh', { cells: result.length });
    return { request, sql, method: analysis?.result.method ?? method, value: { kind: 'areas', mesh, result, values: null, names: null, analysis } };
  }
  if (by.kind === 'districts') {
    const mesh = datasetMesh(ctx, have, by.polygons);
    const method = message('method-polygon-mesh', { features: ctx.engine.dataset(by.polygons).rows });
    return { request, sql, method: analysis?.result.method ?? method, value: { kind: 'areas', mesh, result, values: null, names: result.names, analysis } };
  }
  return { request, sql, method: analysis?.result.method ?? result.method, value: { kind: 'cells', result, analysis } };
}

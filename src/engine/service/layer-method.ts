// The 'layer-method' request: how a layer was made, as one statement the console runs
// as it is (its rows are the layer's numbers, exactly), the steps before it (SQL, or a
// JavaScript step the catalogue words), and the parameters. Tables the statement reads
// are pinned for the request's holder, so the statement keeps running while it is shown.
import type { Answer, AggregateRequest, LayerMethod, MethodParam, MethodStep, RequestOf } from '../protocol';
import { message } from '../messages';
import { assignedCellsQuery, cellMethodSql, featureListSql, featureValuesMethodSql, topCategoriesSql } from '../sql';
import { isAdditive } from '../aggregate/stats';
import { nameColumn } from '../column-roles';
import { FID } from '../ingest/features';
import { MAX_CATEGORIES } from '../point-marks';
import type { Engine } from '../engine';
import type { Aggregator } from '../aggregate/aggregator';

/** What the handler uses of the service context. */
interface MethodContext {
  engine: Engine;
  aggregator: Aggregator;
}

const param = (name: string, value: string | number | undefined | null): MethodParam[] =>
  value === undefined || value === null ? [] : [{ name, value }];

/** The parameters of an aggregation, in the order the method lists them. */
function aggregateParams(req: AggregateRequest, minCount: number): MethodParam[] {
  const by = req.by;
  return [
    ...param('dataset', req.dataset),
    ...(by.kind === 'grid' || by.kind === 'hexagon' ? param('cellSize', by.sizeM) : []),
    ...(by.kind === 'h3' ? param('resolution', by.resolution) : []),
    ...(by.kind === 'districts' ? param('districts', by.polygons) : []),
    ...param('statistic', req.stat ?? 'count'),
    ...param('value', req.value),
    ...param('minCount', minCount),
    ...(req.filters?.length ? param('filters', JSON.stringify(req.filters)) : []),
    ...(req.time ? param('time', JSON.stringify(req.time)) : []),
  ];
}

/** How the layer of `request` was made; its tables pinned for request.holder. */
export async function layerMethodAnswer(request: RequestOf<'layer-method'>, ctx: MethodContext): Promise<Answer<'layer-method'>> {
  const value = await layerMethod(request, ctx);
  ctx.aggregator.pin(request.holder, value.tables);
  return { request, sql: value.sql, method: null, value };
}

async function layerMethod({ layer: q }: RequestOf<'layer-method'>, { engine, aggregator }: MethodContext): Promise<LayerMethod> {
  const info = engine.dataset(q.dataset);
  const fid = info.columns.some((c) => c.name === FID) ? FID : null;
  const name = nameColumn(info.columns);
  switch (q.kind) {
    case 'points':
    case 'heatmap': {
      const colour = q.kind === 'points' ? q.colour : undefined;
      const sizeBy = q.kind === 'points' ? q.sizeBy : undefined;
      const marks = engine.pointMarks({ dataset: q.dataset, colour, sizeBy });
      const steps: MethodStep[] = [];
      let sql = marks.sql;
      const { lon, lat } = info.geometry;
      const colourColumn = colour && info.columns.find((c) => c.name === colour.column);
      if (colourColumn && colourColumn.kind !== 'number') {
        // The categories that get colours were read first; the marks statement names them.
        const top = topCategoriesSql(info.id, lon!, lat!, colourColumn.name, MAX_CATEGORIES + 1);
        if (!marks.sql.startsWith(`${top};\n`)) throw new Error('internal: point marks SQL does not start with its categories');
        steps.push({ kind: 'sql', sql: top });
        sql = marks.sql.slice(top.length + 2);
      }
      steps.push({ kind: 'js', message: message('method-point-marks', { rows: marks.rows, marks: marks.marks }) });
      if (colour) steps.push({ kind: 'js', message: message('method-point-colours', { column: colour.column }) });
      return {
        layer: q.kind,
        sql,
        steps,
        params: [...param('dataset', q.dataset), ...param('colour', colour?.column), ...param('size', sizeBy)],
        tables: [],
      };
    }
    case 'lines':
    case 'outlines': {
      const features = q.kind === 'lines' ? (engine.lines(q.dataset)?.featureCount ?? 0) : (engine.polygons(q.dataset)?.featureCount ?? 0);
      const steps: MethodStep[] = [{ kind: 'js', message: message('method-shapes', { features }) }];
      if (q.kind === 'outlines') steps.push({ kind: 'js', message: message('method-polygon-mesh', { features }) });
      return { layer: q.kind, sql: featureListSql(info.id, fid, name), steps, params: param('dataset', q.dataset), tables: [] };
    }
    case 'choropleth': {
      const features = engine.polygons(q.dataset)?.featureCount ?? 0;
      return {
        layer: q.kind,
        sql: featureValuesMethodSql(info.id, q.column, fid, name),
        steps: [{ kind: 'js', message: message('method-polygon-mesh', { features }) }],
        params: [...param('dataset', q.dataset), ...param('column', q.column)],
        tables: [],
      };
    }
    default: {
      const { kind, ...req } = q;
      const m = await aggregator.methodParts(req);
      const sql = cellMethodSql({
        perCell: assignedCellsQuery(m.parts, m.cellTable),
        idsTable: m.idsTable,
        idColumns: m.idColumns,
        listsEmpty: m.cells.listsEmpty,
        emptyValue: isAdditive(m.parts.stat) ? 0 : null,
        minCount: m.minCount,
      });
      const steps: MethodStep[] = [{ kind: 'js', message: m.method }];
      if (kind === 'h3') steps.push({ kind: 'js', message: message('method-h3-mesh', { cells: m.cells.count }) });
      return { layer: kind, sql, steps, params: aggregateParams(req, m.minCount), tables: [m.cellTable, m.idsTable] };
    }
  }
}

// A layer's cube (issue 12): its rows' cells from the cached assignment, their instants
// in the request's display zone, the value column and the filters' mask, handed to
// src/engine/cube. Statistics beyond the moments (median, p90, distinct) recompute from rows.
import type { AggregateRequest, DatasetInfo } from '../protocol';
import type { Positions } from './positions';
import type { RowStore } from './row-store';
import { buildCube, type Cube } from '../cube';
import type { ZoneOffsets } from '../time';
import { rowInstants } from '../time';
import { kernelRows } from './kernel-rows';
import { isKernelStat } from './stats';
import { timeExpr } from './time';
import { clockOf } from './time-rows';
import { EngineError } from '../engine-error';

/** What the cube reads of an assignment. */
export interface CubeAssignment {
  rowPosition: Int32Array;
  positionCell: Int32Array;
  cells: number;
}

/** The cube of a request's cells × local hour bins; throws for what the cube cannot hold. */
export function layerCube(info: DatasetInfo, req: AggregateRequest, a: CubeAssignment, store: RowStore, positions: Positions): { cube: Cube; display: ZoneOffsets; sql: string[] } {
  if (!req.time) throw new EngineError('cube-needs-time', undefined, { subject: info.name });
  const stat = req.stat ?? 'count';
  if (!isKernelStat(stat) && stat !== 'share') throw new EngineError('cube-stat-not-kept', { stat }, { subject: info.name });
  const value = stat !== 'count' && stat !== 'share' && req.value ? info.columns.find((c) => c.name === req.value) ?? null : null;
  const rows = kernelRows(info, { stat, value, filters: req.filters, time: undefined, share: req.share }, store, positions);
  if (!rows) throw new EngineError('cube-filters-unsupported', undefined, { subject: info.name });
  const { column, sql } = store.epochMs(info, timeExpr(info.columns, req.time.column, req.time.format));
  let lo = Infinity, hi = -Infinity;
  for (const v of column.values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) throw new EngineError('time-column-empty', { column: req.time.column }, { subject: info.name });
  const { instant, display } = rowInstants(column.values, clockOf(info, req.time.column), req.time.zone ?? 'UTC', lo, hi);
  const cell = new Int32Array(a.rowPosition.length);
  for (let i = 0; i < cell.length; i++) {
    const p = a.rowPosition[i];
    cell[i] = p < 0 || (rows.mask !== null && !rows.mask[i]) ? -1 : a.positionCell[p];
  }
  const cube = buildCube({ cell, cells: a.cells, instant: instant(), values: rows.values, valid: rows.valid }, display);
  return { cube, display, sql: [sql, ...rows.sql] };
}

// `info <file>`: what a file holds, as JSON, from the engine's own description of it.
import type { DuckDBConnection } from '../engine/duckdb-types';
import type { DatasetInfo } from '../engine/protocol';
import { timeRangeMsSql } from '../engine/sql';

export interface FileInfo {
  file: string;
  format: string;
  rows: number;
  columns: { name: string; type: string }[];
  geometry: DatasetInfo['geometry'];
  bbox: DatasetInfo['bbox'];
  rowsWithoutCoordinates: number;
  /** Per timestamp/date column: earliest and latest value (ISO, without zone: the column's own clock). */
  timeRange: Record<string, { from: string | null; to: string | null }>;
}

export function infoOf(conn: DuckDBConnection, d: DatasetInfo): FileInfo {
  const timeRange: FileInfo['timeRange'] = {};
  for (const c of d.columns) {
    if (c.kind !== 'timestamp' && c.kind !== 'date') continue;
    const r = conn
      .query(timeRangeMsSql(d.id, c.name))
      .toArray()[0]
      .toJSON() as { t0: number | null; t1: number | null };
    // A load stores every time column as naive TIMESTAMP (zoned ones as their UTC clock).
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace(/\.000Z$|Z$/, ''));
    timeRange[c.name] = { from: iso(r.t0), to: iso(r.t1) };
  }
  return {
    file: d.fileName,
    format: d.format,
    rows: d.rows,
    columns: d.columns.map((c) => ({ name: c.name, type: c.type })),
    geometry: d.geometry,
    bbox: d.bbox,
    rowsWithoutCoordinates: d.rowsWithoutCoordinates,
    timeRange,
  };
}

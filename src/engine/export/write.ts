// Writing an ExportTable as CSV, GeoJSON or Arrow IPC (for Parquet: the caller hands the
// stream to parquet-wasm's Node or web build). Numbers are written as the shortest text
// that reads back to the same double (String(x)), never in the reader's locale.
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { AggregateResult, PolygonShapes } from '../protocol';
import { schemeOf } from '../aggregate/schemes';
import type { Cell, Column, ExportTable } from './tables';

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The table as CSV with a header line; empty fields where there is no value. */
export function tableToCsv(t: ExportTable): string {
  const lines = [t.columns.map((c) => csvField(c.name)).join(',')];
  for (let i = 0; i < t.rows.length; i++) lines.push(t.columns.map((c) => csvField(c.values[i])).join(','));
  return lines.join('\n') + '\n';
}

/** The table as a GeoJSON FeatureCollection of the cells' outlines (districts read `shapes`). */
export function tableToGeoJSON(t: ExportTable, r: AggregateResult, shapes: PolygonShapes | null): string {
  const scheme = schemeOf(r.by);
  const features = [];
  for (let i = 0; i < t.rows.length; i++) {
    const geometry = scheme.outline(r, t.rows[i], shapes);
    const properties = Object.fromEntries(t.columns.map((c) => [c.name, c.values[i]]));
    features.push({ type: 'Feature', geometry, properties });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

const ARROW_TYPES: Record<Column['type'], () => DataType> = {
  int: () => new Int32(),
  float: () => new Float64(),
  string: () => new Utf8(),
  bool: () => new Bool(),
};

/** The table as an Arrow IPC stream (for Parquet, or any Arrow reader). */
export function tableToArrowIPC(t: ExportTable): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of t.columns) vectors[c.name] = vectorFromArray(c.values, ARROW_TYPES[c.type]());
  return tableToIPC(new Table(vectors), 'stream');
}

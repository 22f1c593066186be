// Exports of an AggregateResult: CSV, GeoJSON (cell outlines) and Parquet. Suppressed
// cells keep their row, flagged, with empty count and statistic (never 0).
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { AggregateResult, PolygonShapes } from '../engine/protocol';
import { schemeOf } from '../engine/aggregate/schemes';
import { engineText } from '../i18n';
import { message } from '../engine/messages';

type Cell = string | number | boolean | null;
interface Column {
  name: string;
  type: 'int' | 'float' | 'string' | 'bool';
  values: Cell[];
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The result as named columns, one row per cell or district. */
export function resultColumns(r: AggregateResult): Column[] {
  const n = r.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const cols: Column[] = [];
  for (const f of schemeOf(r.by).idFields(r)) {
    // Nulls a code words (districts' "outside") read as that word, as the CSV always did.
    const ifNull = f.nullCode ? engineText(message(f.nullCode)) : null;
    cols.push({ name: f.name, type: f.type, values: idx.map((i) => f.value(i) ?? ifNull) });
  }
  if (r.centers) {
    cols.push({ name: 'lon', type: 'float', values: idx.map((i) => r.centers![2 * i]) });
    cols.push({ name: 'lat', type: 'float', values: idx.map((i) => r.centers![2 * i + 1]) });
  }
  cols.push({ name: 'count', type: 'float', values: idx.map((i) => finite(r.counts[i])) });
  if (r.stat !== 'count') cols.push({ name: `${r.stat}_${r.value}`, type: 'float', values: idx.map((i) => finite(r.values[i])) });
  cols.push({ name: 'per_km2', type: 'float', values: idx.map((i) => finite(r.perKm2[i])) });
  if (r.per1000) cols.push({ name: 'per_1000_residents', type: 'float', values: idx.map((i) => finite(r.per1000![i])) });
  cols.push({ name: 'suppressed', type: 'bool', values: idx.map((i) => r.suppressed[i] === 1) });
  return cols;
}

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The result as CSV, one line per cell; empty fields where a value is withheld or undefined. */
export function toCsv(r: AggregateResult): string {
  const cols = resultColumns(r);
  const lines = [cols.map((c) => csvField(c.name)).join(',')];
  for (let i = 0; i < r.length; i++) lines.push(cols.map((c) => csvField(c.values[i])).join(','));
  return lines.join('\n') + '\n';
}

/** The result as a GeoJSON FeatureCollection of cell outlines (districts read `shapes`). */
export function toGeoJSON(r: AggregateResult, shapes: PolygonShapes | null): string {
  const cols = resultColumns(r);
  const scheme = schemeOf(r.by);
  const features = [];
  for (let i = 0; i < r.length; i++) {
    const geometry = scheme.outline(r, i, shapes);
    const properties = Object.fromEntries(cols.map((c) => [c.name, c.values[i]]));
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

/** The result as an Arrow IPC stream (for Parquet, or any Arrow reader). */
export function toArrowIPC(r: AggregateResult): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of resultColumns(r)) vectors[c.name] = vectorFromArray(c.values, ARROW_TYPES[c.type]());
  return tableToIPC(new Table(vectors), 'stream');
}

/** The result as a Parquet file (parquet-wasm's Node build). */
export async function toParquet(r: AggregateResult): Promise<Uint8Array> {
  const pq = await import('parquet-wasm/node');
  const table = pq.Table.fromIPCStream(toArrowIPC(r));
  return pq.writeParquet(table);
}

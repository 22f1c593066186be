// Exports of an AggregateResult: CSV, GeoJSON (cell outlines) and Parquet. Suppressed
// cells keep their row, flagged, with empty count and statistic (never 0).
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { AggregateResult, PolygonShapes } from '../engine/protocol';
import type { LocalProjection } from '../engine/aggregate/projection';
import { gridCellRing } from '../engine/aggregate/grid';
import { hexCellRing } from '../engine/aggregate/hexagon';
import { h3At, h3CellRing } from '../engine/aggregate/h3';
import { featureCoordinates } from '../engine/aggregate/districts';

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
  if (r.by.kind === 'grid' || r.by.kind === 'hexagon') {
    cols.push({ name: 'col', type: 'int', values: idx.map((i) => r.ids[2 * i]) });
    cols.push({ name: 'row', type: 'int', values: idx.map((i) => r.ids[2 * i + 1]) });
  } else if (r.by.kind === 'h3') {
    cols.push({ name: 'h3', type: 'string', values: idx.map((i) => h3At(r.h3!, i)) });
  } else {
    cols.push({ name: 'fid', type: 'int', values: idx.map((i) => r.ids[i]) });
    cols.push({ name: 'name', type: 'string', values: idx.map((i) => r.names![i]) });
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

export function toCsv(r: AggregateResult): string {
  const cols = resultColumns(r);
  const lines = [cols.map((c) => csvField(c.name)).join(',')];
  for (let i = 0; i < r.length; i++) lines.push(cols.map((c) => csvField(c.values[i])).join(','));
  return lines.join('\n') + '\n';
}

function projectionOf(r: AggregateResult): LocalProjection {
  const p = r.projection!;
  return { lon0: p.origin[0], lat0: p.origin[1], kx: p.metresPerDegree[0], ky: p.metresPerDegree[1] };
}

export function toGeoJSON(r: AggregateResult, shapes: PolygonShapes | null): string {
  const cols = resultColumns(r);
  const features = [];
  for (let i = 0; i < r.length; i++) {
    let geometry: object | null = null;
    const by = r.by;
    if (by.kind === 'grid') geometry = { type: 'Polygon', coordinates: [gridCellRing(projectionOf(r), by.sizeM, r.ids[2 * i], r.ids[2 * i + 1])] };
    else if (by.kind === 'hexagon') geometry = { type: 'Polygon', coordinates: [hexCellRing(projectionOf(r), by.sizeM, r.ids[2 * i], r.ids[2 * i + 1])] };
    else if (by.kind === 'h3') geometry = { type: 'Polygon', coordinates: [h3CellRing(h3At(r.h3!, i))] };
    else if (r.ids[i] >= 0 && shapes) geometry = { type: 'MultiPolygon', coordinates: featureCoordinates(shapes, r.ids[i]) };
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

export async function toParquet(r: AggregateResult): Promise<Uint8Array> {
  const pq = await import('parquet-wasm/node');
  const table = pq.Table.fromIPCStream(toArrowIPC(r));
  return pq.writeParquet(table);
}

// GeoJSON/TopoJSON features → one Arrow table row per feature, in file order. Property
// columns are typed from the JSON values (numbers → DOUBLE, booleans → BOOLEAN, strings →
// VARCHAR; nested objects/arrays and mixed types → JSON text), plus the engine's own
// columns: __fid (row = feature index), and __lon/__lat when there are points.
import { Bool, Int32, Table, Utf8, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { float64WithNulls } from './arrow';
import type { CollectedShapes } from './shapes';

export interface FeatureRow {
  properties: Record<string, unknown> | null;
  id?: unknown;
  /** TopoJSON object name, when a topology has several. */
  layer?: string;
}

export const FID = '__fid';
export const LON = '__lon';
export const LAT = '__lat';
/** The columns the engine adds: feature index and WGS84 position. */
export const INTERNAL_COLUMNS: ReadonlySet<string> = new Set([FID, LON, LAT]);

export interface BuiltTable {
  table: Table;
  /** Columns holding JSON text. */
  jsonColumns: string[];
}

/**
 * Unique column names: DuckDB compares identifiers case-insensitively, so "Name" and
 * "name" would collide; empty and reserved names are renamed too.
 */
export function uniqueNames(names: string[], taken: Iterable<string> = INTERNAL_COLUMNS): string[] {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

type Seen = { number: boolean; boolean: boolean; string: boolean; object: boolean };

function columnVector(values: unknown[], seen: Seen): { vector: Vector; json: boolean } {
  const kinds = (Object.keys(seen) as (keyof Seen)[]).filter((k) => seen[k]);
  if (kinds.length === 1 && kinds[0] === 'number') {
    const a = new Float64Array(values.length);
    for (let i = 0; i < a.length; i++) a[i] = typeof values[i] === 'number' ? (values[i] as number) : NaN;
    return { vector: float64WithNulls(a), json: false };
  }
  if (kinds.length === 1 && kinds[0] === 'boolean') {
    return { vector: vectorFromArray(values.map((v) => (typeof v === 'boolean' ? v : null)), new Bool()), json: false };
  }
  // Strings stay strings; everything else is written as JSON so nothing is lost.
  const text = values.map((v) =>
    v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v),
  );
  return { vector: vectorFromArray(text, new Utf8()), json: seen.object };
}

/** Build the table: property columns in first-seen order, then id/layer, then engine columns. */
export function featuresTable(features: FeatureRow[], shapes: CollectedShapes): BuiltTable {
  const n = features.length;
  const keys: string[] = [];
  const index = new Map<string, number>();
  const seen: Seen[] = [];
  let hasId = false;
  let hasLayer = false;
  for (const f of features) {
    if (f.id !== undefined && f.id !== null) hasId = true;
    if (f.layer !== undefined) hasLayer = true;
    const p = f.properties;
    if (!p) continue;
    for (const k in p) {
      let j = index.get(k);
      if (j === undefined) {
        j = keys.length;
        index.set(k, j);
        keys.push(k);
        seen.push({ number: false, boolean: false, string: false, object: false });
      }
      const v = p[k];
      if (v === null || v === undefined) continue;
      const t = typeof v;
      if (t === 'number' || t === 'boolean' || t === 'string') seen[j][t as 'number'] = true;
      else seen[j].object = true;
    }
  }
  const source = [...keys];
  // A feature id becomes a column when no property already has that name (TopoJSON keeps names there).
  const lower = new Set(keys.map((k) => k.toLowerCase()));
  const idName = hasId ? (lower.has('id') ? '__id' : 'id') : null;
  const names = uniqueNames([...keys, ...(idName ? [idName] : []), ...(hasLayer ? ['layer'] : [])]);
  const columns: Record<string, Vector> = {};
  const jsonColumns: string[] = [];
  source.forEach((key, j) => {
    const values = features.map((f) => (f.properties ? f.properties[key] : null));
    const { vector, json } = columnVector(values, seen[j]);
    columns[names[j]] = vector;
    if (json) jsonColumns.push(names[j]);
  });
  let next = source.length;
  if (idName) {
    const ids = features.map((f) => f.id);
    const s: Seen = { number: false, boolean: false, string: false, object: false };
    for (const v of ids) if (v !== null && v !== undefined) s[typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'object'] = true;
    columns[names[next++]] = columnVector(ids, s).vector;
  }
  if (hasLayer) columns[names[next++]] = vectorFromArray(features.map((f) => f.layer ?? null), new Utf8());
  const fid = new Int32Array(n);
  for (let i = 0; i < n; i++) fid[i] = i;
  columns[FID] = makeVector(fid) as Vector<Int32>;
  if (shapes.lon && shapes.lat) {
    columns[LON] = float64WithNulls(shapes.lon);
    columns[LAT] = float64WithNulls(shapes.lat);
  }
  return { table: new Table(columns), jsonColumns };
}

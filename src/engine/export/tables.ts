// The tables the CLI writes and the app exports (one writer for both): an aggregate, a
// hotspot result or a comparison as named columns, `id` first, rows ordered by id.
// Empty means no value (suppressed, isolated, undefined): never 0, never NaN.
import type { AggregateResult, CompareResult, HotspotResult } from '../protocol';
import { schemeOf } from '../aggregate/schemes';
import { CHANGE_CLASSES, HOTSPOT_CLASSES } from '../stats';
import { isoWithOffset } from '../time';

/** One cell of a table. */
export type Cell = string | number | boolean | null;

/** A named, typed column. */
export interface Column {
  name: string;
  type: 'int' | 'float' | 'string' | 'bool';
  values: Cell[];
}

/** A table: columns of equal length, and the result rows they came from (for geometry). */
export interface ExportTable {
  columns: Column[];
  /** Result index of each table row (rows are ordered by id). */
  rows: Int32Array;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * The `id` of every result cell: the district's name when every name is unique, otherwise
 * `fid:<index>`; `outside` for the points outside every district; the H3 index; `col:row`.
 */
export function cellIds(r: AggregateResult): { ids: string[]; namesUnique: boolean } {
  const ids: string[] = new Array(r.length);
  if (r.by.kind === 'districts') {
    const names = r.names ?? [];
    // A name is unique when it names one district (a binned result lists each district once per bin).
    const seen = new Map<string, number>();
    let unique = true;
    for (let i = 0; i < r.length; i++) {
      if (r.ids[i] < 0) continue;
      const nm = names[i];
      if (nm === null || nm === undefined || nm === 'outside' || (seen.has(nm) && seen.get(nm) !== r.ids[i])) unique = false;
      else seen.set(nm, r.ids[i]);
    }
    for (let i = 0; i < r.length; i++) ids[i] = r.ids[i] < 0 ? 'outside' : unique ? names[i]! : `fid:${r.ids[i]}`;
    return { ids, namesUnique: unique };
  }
  const field = schemeOf(r.by).idFields(r);
  for (let i = 0; i < r.length; i++) ids[i] = field.map((f) => String(f.value(i))).join(':');
  return { ids, namesUnique: true };
}

/** Result indexes ordered by id (code-unit order, as `sort` compares strings), then by `then` (a bin). */
function byId(ids: string[], then: Int32Array | null): Int32Array {
  return Int32Array.from(ids.keys()).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : then ? then[a] - then[b] : 0));
}

/** A table from per-result-cell columns, rows reordered by id (then bin); a binned result's `bin` follows `id`. */
function ordered(ids: string[], cols: Column[], r?: AggregateResult): ExportTable {
  const bins = r?.bins ?? null;
  const rows = byId(ids, bins ? bins.index : null);
  const pick = (values: Cell[]) => Array.from(rows, (i) => values[i]);
  const bin: Column[] = bins
    ? [{ name: 'bin', type: 'string', values: Array.from(bins.index, (b) => isoWithOffset(bins.starts[b], bins.offsets[b])) }]
    : [];
  return { columns: [{ name: 'id', type: 'string', values: pick(ids) }, ...[...bin, ...cols].map((c) => ({ ...c, values: pick(c.values) }))], rows };
}

const floats = (name: string, a: Float64Array): Column => ({ name, type: 'float', values: Array.from(a, finite) });

/** Where names are not unique, the name rides in a column of its own. */
function nameColumn(r: AggregateResult, namesUnique: boolean): Column[] {
  if (r.by.kind !== 'districts' || namesUnique) return [];
  return [{ name: 'name', type: 'string', values: Array.from({ length: r.length }, (_, i) => r.names?.[i] ?? null) }];
}

/** An aggregate: id, then the scheme's id fields, centre, count, the statistic, rates and the suppression flag. */
export function aggregateTable(r: AggregateResult): ExportTable {
  const { ids, namesUnique } = cellIds(r);
  const cols: Column[] = [];
  for (const f of schemeOf(r.by).idFields(r)) {
    // districts' name is the id (or the name column below); fid and the cell fields stay.
    if (r.by.kind === 'districts' && f.name === 'name') continue;
    cols.push({ name: f.name, type: f.type, values: Array.from({ length: r.length }, (_, i) => f.value(i)) });
  }
  cols.push(...nameColumn(r, namesUnique));
  if (r.centers) {
    cols.push({ name: 'lon', type: 'float', values: Array.from({ length: r.length }, (_, i) => r.centers![2 * i]) });
    cols.push({ name: 'lat', type: 'float', values: Array.from({ length: r.length }, (_, i) => r.centers![2 * i + 1]) });
  }
  cols.push(floats('count', r.counts));
  if (r.stat !== 'count') cols.push(floats(`${r.stat}_${r.value ?? 'condition'}`, r.values));
  cols.push(floats('per_km2', r.perKm2));
  if (r.per1000) cols.push(floats('per_1000_residents', r.per1000));
  cols.push({ name: 'suppressed', type: 'bool', values: Array.from(r.suppressed, (s) => s === 1) });
  return ordered(ids, cols, r);
}

/** Hotspots: id, count, value, z, p, class, then p_perm when asked for, then extras. */
export function hotspotTable(h: HotspotResult): ExportTable {
  const r = h.cells;
  const { ids, namesUnique } = cellIds(r);
  const cols: Column[] = [floats('count', r.counts), floats('value', h.x), floats('z', h.z), floats('p', h.p)];
  cols.push({ name: 'class', type: 'string', values: Array.from(h.classes, (c) => HOTSPOT_CLASSES[c]) });
  if (h.pPerm) cols.push(floats('p_perm', h.pPerm));
  cols.push(...nameColumn(r, namesUnique));
  return ordered(ids, cols);
}

/** A comparison: id, count_before, count_after, before, after, change, percent_change, p, class. */
export function compareTable(c: CompareResult): ExportTable {
  const { ids, namesUnique } = cellIds(c.cells);
  const cols: Column[] = [
    floats('count_before', c.countBefore),
    floats('count_after', c.countAfter),
    floats('before', c.before),
    floats('after', c.after),
    floats('change', c.change),
    floats('percent_change', c.percentChange),
    floats('p', c.p),
    { name: 'class', type: 'string', values: Array.from(c.classes, (k) => CHANGE_CLASSES[k]) },
    ...nameColumn(c.cells, namesUnique),
  ];
  return ordered(ids, cols);
}

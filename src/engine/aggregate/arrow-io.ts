// Moving columns between DuckDB and typed arrays without per-row objects: results are
// read vector chunk by vector chunk; tables go in as an Arrow IPC stream (the one insert
// path that works with any apache-arrow version, see STACK-FACTS.md).
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { DuckDBConnection } from '../duckdb-types';

type ArrowResult = ReturnType<DuckDBConnection['query']>;

/** A DOUBLE result column as Float64Array; SQL should coalesce NULLs to NaN first. */
export function float64Column(result: ArrowResult, name: string): Float64Array {
  const vec = result.getChild(name);
  if (!vec) throw new Error(`internal: result has no column ${name}`);
  const out = new Float64Array(result.numRows);
  let at = 0;
  for (const d of vec.data) {
    const values = d.values as ArrayLike<number>;
    if (d.nullCount === 0 && values instanceof Float64Array) {
      // Fast path for the millions of coordinates read by the assignment.
      out.set(values.subarray(d.offset, d.offset + d.length), at);
      at += d.length;
      continue;
    }
    for (let i = 0; i < d.length; i++) out[at++] = d.getValid(i) ? Number(values[d.offset + i]) : NaN;
  }
  return out;
}

/**
 * A DOUBLE result column as its record batches' own Float64Arrays (no copy), NULL
 * entries overwritten with NaN in place: the result's buffers are consumed.
 */
export function float64Chunks(result: ArrowResult, name: string): Float64Array[] {
  const vec = result.getChild(name);
  if (!vec) throw new Error(`internal: result has no column ${name}`);
  return vec.data.map((d) => {
    const values = d.values as unknown;
    if (!(values instanceof Float64Array)) throw new Error(`internal: column ${name} is not DOUBLE`);
    const chunk = values.subarray(d.offset, d.offset + d.length);
    if (d.nullCount > 0) for (let i = 0; i < d.length; i++) if (!d.getValid(i)) chunk[i] = NaN;
    return chunk;
  });
}

/** A DOUBLE result column as Float64Array with its NULLs apart: `valid` is null when there are none. */
export function float64ColumnWithNulls(result: ArrowResult, name: string): { values: Float64Array; valid: Uint8Array | null } {
  const vec = result.getChild(name);
  if (!vec) throw new Error(`internal: result has no column ${name}`);
  const values = float64Column(result, name);
  if (vec.nullCount === 0) return { values, valid: null };
  const valid = new Uint8Array(result.numRows);
  let at = 0;
  for (const d of vec.data) {
    for (let i = 0; i < d.length; i++) valid[at++] = d.getValid(i) ? 1 : 0;
  }
  return { values, valid };
}

/** An INTEGER result column as Int32Array; NULL becomes `ifNull`. */
export function int32Column(result: ArrowResult, name: string, ifNull = -1): Int32Array {
  const vec = result.getChild(name);
  if (!vec) throw new Error(`internal: result has no column ${name}`);
  const out = new Int32Array(result.numRows);
  let at = 0;
  for (const d of vec.data) {
    const values = d.values as ArrayLike<number>;
    for (let i = 0; i < d.length; i++) out[at++] = d.getValid(i) ? Number(values[d.offset + i]) : ifNull;
  }
  return out;
}

/** Any result column as JS values (for small results: names, populations). */
export function jsColumn(result: ArrowResult, name: string): unknown[] {
  const vec = result.getChild(name);
  if (!vec) throw new Error(`internal: result has no column ${name}`);
  return Array.from({ length: result.numRows }, (_, i) => vec.get(i));
}

/** Create (or replace) a table from typed-array columns. */
export function insertColumns(
  conn: DuckDBConnection,
  table: string,
  columns: Record<string, Float64Array | Int32Array>,
): void {
  const ipc = tableToIPC(tableFromArrays(columns), 'stream');
  conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
}


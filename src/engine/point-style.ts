// Per-point colours and sizes for a point layer, computed in the worker over every row
// (1.8M colour lookups stay off the main thread). Rows come in the same order and with
// the same coordinate filter as pointPositions, so attribute i belongs to point i.
import type { DuckDBConnection } from './duckdb-types';
import type { DatasetInfo, PointStyle, PointStyleRequest } from './protocol';
import { validPosition } from './describe';
import { ident, select, str, where } from './sql';
import { categoricalScale, colourArray, colourScale, scaleParts } from '../scales/colour';

const MAX_CATEGORIES = 9;

function doubles(conn: DuckDBConnection, sql: string): Float64Array {
  const result = conn.query(sql);
  const v = result.getChild('v')!;
  const out = new Float64Array(result.numRows);
  let row = 0;
  for (const chunk of v.data) {
    out.set((chunk.values as Float64Array).subarray(chunk.offset, chunk.offset + chunk.length), row);
    row += chunk.length;
  }
  return out;
}

export function pointStyle(conn: DuckDBConnection, info: DatasetInfo, req: PointStyleRequest): PointStyle {
  const { lon, lat } = info.geometry;
  if (!lon || !lat) throw new Error(`${info.name} has no point coordinates`);
  const table = ident(info.id);
  const valid = where([validPosition(lon, lat)]);
  const column = (name: string) => {
    const c = info.columns.find((x) => x.name === name);
    if (!c) throw new Error(`${info.name} has no column ${name}`);
    return c;
  };
  const sqls: string[] = [];
  let colours: Uint8Array | null = null;
  let scale: PointStyle['scale'] = null;
  if (req.colorBy) {
    const c = column(req.colorBy);
    if (c.kind === 'number') {
      const sql = select([`coalesce(${ident(c.name)}::DOUBLE, 'NaN'::DOUBLE) AS v`], table, valid);
      const values = doubles(conn, sql);
      const s = colourScale(values, req.scale);
      colours = colourArray(s, values);
      scale = scaleParts(s);
      sqls.push(sql);
    } else {
      // The most frequent categories get colours; the rest share "Other".
      const topSql = select([`${ident(c.name)}::VARCHAR AS k`, 'count(*) AS n'], table, valid, 'GROUP BY 1', 'ORDER BY n DESC, k', `LIMIT ${MAX_CATEGORIES + 1}`);
      const top = conn.query(topSql).toArray().map((r: { toJSON(): unknown }) => (r.toJSON() as { k: string | null }).k);
      const named = (top.length > MAX_CATEGORIES ? top.slice(0, MAX_CATEGORIES) : top).filter((k): k is string => k !== null);
      const other = top.length > named.length;
      const cases = named.map((k, i) => `WHEN ${str(k)} THEN ${i}`).join(' ');
      const sql = select([`(CASE ${ident(c.name)}::VARCHAR ${cases} ELSE ${named.length} END)::DOUBLE AS v`], table, valid);
      const values = doubles(conn, cases ? sql : select([`0::DOUBLE AS v`], table, valid));
      const categories = other ? [...named, 'Other'] : named;
      const s = categoricalScale(categories, req.scale);
      colours = colourArray(s, values);
      scale = scaleParts(s);
      sqls.push(topSql, sql);
    }
  }
  let radii: Float32Array | null = null;
  if (req.sizeBy) {
    const c = column(req.sizeBy);
    if (c.kind !== 'number') throw new Error(`${info.name}: ${c.name} is not numeric, so it cannot size points`);
    const sql = select([`coalesce(${ident(c.name)}::DOUBLE, 'NaN'::DOUBLE) AS v`], table, valid);
    const values = doubles(conn, sql);
    let max = 0;
    for (const v of values) if (v > max) max = v;
    // Area proportional to the value: radius grows with its square root, 1 to 9 px.
    radii = Float32Array.from(values, (v) => (v > 0 && max > 0 ? 1 + 8 * Math.sqrt(v / max) : 1));
    sqls.push(sql);
  }
  return { count: colours ? colours.length / 4 : radii?.length ?? 0, colours, scale, radii, sql: sqls.join(';\n') };
}

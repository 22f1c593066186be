// The marks a point layer draws, computed in the worker over every row. Rows that would
// draw the same mark (same float32 position, colour value and size value) become one
// mark with a count: 1.8M Citi Bike snapshots are 2,202 stations, so the GPU gets
// 2,202 instances instead of 1.8M. The map draws a mark of count n with the opacity of
// n stacked copies (1 − (1 − a)ⁿ, see src/map/stacked-opacity.ts), and the heatmap
// weighs it by n, so the picture is the one every row would have drawn.
import type { DuckDBConnection } from './duckdb-types';
import type { ColumnInfo, DatasetInfo, PointMarks, PointMarksRequest } from './protocol';
import { float64Column } from './aggregate/arrow-io';
import { pointMarksSql, topCategoriesSql, type PointMarksQuery } from './sql';
import { categoricalScale, colourArray, colourScale, scaleParts, type ColourScale } from '../scales/colour';
import { EngineError } from './engine-error';

/** At most this many categories get their own colour; the rest share one. */
export const MAX_CATEGORIES = 9;

function column(info: DatasetInfo, name: string): ColumnInfo {
  const c = info.columns.find((x) => x.name === name);
  if (!c) throw new EngineError('dataset-column-missing', { dataset: info.name, column: name });
  return c;
}

/** The marks of a point layer, coloured and sized as asked, with the SQL that made them. */
export function pointMarks(conn: DuckDBConnection, info: DatasetInfo, req: PointMarksRequest): PointMarks {
  const { lon, lat } = info.geometry;
  if (info.geometry.kind !== 'point' || !lon || !lat) throw new EngineError('dataset-no-points', { dataset: info.name });
  // Offsets from the data's centre keep float32 precise to centimetres (LNGLAT_OFFSETS).
  const origin: [number, number] = info.bbox ? [(info.bbox[0] + info.bbox[2]) / 2, (info.bbox[1] + info.bbox[3]) / 2] : [0, 0];
  const sqls: string[] = [];
  let colour: PointMarksQuery['colour'] = null;
  let categories: { named: string[]; other: boolean } | null = null;
  if (req.colour) {
    const c = column(info, req.colour.column);
    if (c.kind === 'number') colour = { column: c.name };
    else {
      // The most frequent categories get colours; the rest (NULL too) share one more.
      const topSql = topCategoriesSql(info.id, lon, lat, c.name, MAX_CATEGORIES + 1);
      const top = conn.query(topSql).toArray().map((r: { toJSON(): unknown }) => (r.toJSON() as { k: string | null }).k);
      const named = (top.length > MAX_CATEGORIES ? top.slice(0, MAX_CATEGORIES) : top).filter((k): k is string => k !== null);
      colour = { column: c.name, categories: named };
      categories = { named, other: top.length > named.length };
      sqls.push(topSql);
    }
  }
  let size: string | null = null;
  if (req.sizeBy) {
    const c = column(info, req.sizeBy);
    if (c.kind !== 'number') throw new EngineError('size-not-numeric', { column: c.name }, { subject: info.name });
    size = c.name;
  }
  const sql = pointMarksSql({ table: info.id, lon, lat, origin, colour, size });
  sqls.push(sql);
  const result = conn.query(sql);
  const marks = result.numRows;
  const dx = float64Column(result, 'dx');
  const dy = float64Column(result, 'dy');
  const n = float64Column(result, 'n');
  const offsets = new Float32Array(marks * 2);
  const counts = new Float32Array(marks);
  let rows = 0;
  for (let i = 0; i < marks; i++) {
    offsets[2 * i] = dx[i];
    offsets[2 * i + 1] = dy[i];
    counts[i] = n[i];
    rows += n[i];
  }

  let colours: Uint8Array | null = null;
  let scale: ColourScale | null = null;
  if (req.colour) {
    const values = float64Column(result, 'colour_value');
    // Classes are over rows, not marks: a value seen 800 times weighs 800 times.
    scale = categories ? categoricalScale(categories.named, req.colour.scale, categories.other) : colourScale(repeatByCount(values, n, rows), req.colour.scale);
    colours = colourArray(scale, values);
  }
  let radii: Float32Array | null = null;
  if (req.sizeBy) {
    const values = float64Column(result, 'size_value');
    let max = 0;
    for (const v of values) if (v > max) max = v;
    // Area proportional to the value: radius grows with its square root, 1 to 9 px.
    radii = Float32Array.from(values, (v) => (v > 0 && max > 0 ? 1 + 8 * Math.sqrt(v / max) : 1));
  }
  return { table: info.id, rows, marks, origin, offsets, counts, colours, radii, scale: scale && scaleParts(scale), sql: sqls.join(';\n') };
}

/** Each mark's value once per row it stands for. */
function repeatByCount(values: Float64Array, counts: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    out.fill(values[i], at, at + counts[i]);
    at += counts[i];
  }
  return out;
}

// Parquet/GeoParquet → DuckDB, row group by row group: parquet-wasm decodes each group
// to an Arrow IPC stream that DuckDB ingests directly, so memory peaks at one row group.
// GeoParquet (1.0/1.1) geometry is WKB (or GeoArrow points), decoded in JS (wkb.ts) while
// the groups stream past; the WKB column itself is not kept in DuckDB.
import { tableFromIPC, type Table } from 'apache-arrow';
import type { DuckDBConnection } from '../duckdb-types';
import type { Parquet } from '../platform';
import type { BBox, GeometryInfo, LoadOptions } from '../protocol';
import { message, type EngineMessage } from '../messages';
import { coordinateColumns } from '../column-roles';
import { notLonLat, type ResolvedCrs } from './crs';
import { failOf } from './errors';
import { ShapeCollector, shapeGeometry, shapeWarnings, type CollectedShapes } from './shapes';
import { collectGeometry, decodeGeoParquetGeometry } from './geoparquet';
import { declaredBBox } from './bbox';
import { encodingOf, geoCrs, readMeta } from './parquet-meta';

export interface ParquetIngest {
  /** Set for GeoParquet: what its geometry column held, decoded. */
  geometry: {
    info: GeometryInfo;
    bbox: BBox | null;
    rowsWithoutCoordinates: number;
    shapes: CollectedShapes | null;
    /** lon/lat columns of the table to use for points (the file's own, checked, or __lon/__lat to add). */
    useColumns: { lon: string; lat: string } | null;
    declaredBbox: BBox | null;
    warnings: EngineMessage[];
  } | null;
}

/** Rows per row group whose WKB is checked against the file's own lon/lat columns. */
const CHECK_ROWS = 2048;
const ROW_NUMBER_TOLERANCE = 1e-9;

/** Does every checked row's decoded point equal the file's lon/lat columns? */
function pointsMatch(table: Table, lon: string, lat: string, c: ShapeCollector, first: number, n: number): boolean {
  const xs = table.getChild(lon)!;
  const ys = table.getChild(lat)!;
  for (let i = 0; i < n; i++) {
    const [px, py] = c.pointAt(first + i);
    const x = xs.get(i) as number | null;
    const y = ys.get(i) as number | null;
    if (x === null || y === null || Number.isNaN(px)) {
      if (!(x === null || y === null) || !Number.isNaN(px)) return false;
      continue;
    }
    if (Math.abs(px - x) > ROW_NUMBER_TOLERANCE || Math.abs(py - y) > ROW_NUMBER_TOLERANCE) return false;
  }
  return true;
}

export async function ingestParquet(
  pq: Parquet,
  conn: DuckDBConnection,
  table: string,
  fileName: string,
  bytes: Uint8Array,
  options: LoadOptions,
  onRows: (rows: number, total: number) => void,
  /** Awaited between row groups; throws to abort the load (cancel). */
  checkpoint: () => Promise<void> = async () => {},
): Promise<ParquetIngest> {
  const { groups, total, groupRows, geo } = await readMeta(pq, fileName, bytes);
  const primary = geo?.primary_column ?? null;
  const col = primary ? geo!.columns[primary] : null;
  const encoding = col ? encodingOf(fileName, col, primary!) : null;
  const { crs, source } = col ? geoCrs(fileName, col, options) : { crs: null, source: 'default' as const };
  // Created only when every row is decoded (not for points checked against their columns).
  let collector: ShapeCollector | null = null;
  const checker = new ShapeCollector(crs?.reproject ?? null, groups * CHECK_ROWS);
  // For point files that also carry lon/lat columns, only a sample is decoded while loading.
  let own: { lon: string; lat: string } | null = null;
  let ownMatches = true;
  let decodeAll = Boolean(col);
  let rows = 0;
  for (let g = 0; g < Math.max(groups, 1); g++) {
    if (g > 0) await checkpoint();
    let ipc: Uint8Array;
    try {
      // One batch per row group: many small batches cost ~4x in decode time.
      ipc = pq.readParquet(bytes, { rowGroups: groups ? [g] : undefined, batchSize: 1 << 20 }).intoIPCStream();
    } catch (err) {
      throw failOf(fileName, 'parquet-row-group-undecodable', { group: String(g + 1), groups: String(groups), detail: String((err as Error).message ?? err) });
    }
    if (col) {
      const at = tableFromIPC(ipc);
      const vec = at.getChild(primary!);
      if (!vec) throw failOf(fileName, 'geoparquet-column-missing', { column: primary! });
      if (g === 0) {
        const numeric = at.schema.fields
          .filter((f) => f.name !== primary && /^(Float|Int)/.test(String(f.type)))
          .map((f) => ({ name: f.name, type: 'DOUBLE', kind: 'number' as const }));
        own = encoding === 'wkb' && (col.geometry_types ?? []).every((t) => /^Point/.test(t)) ? coordinateColumns(numeric) : null;
        decodeAll = !own;
      }
      if (decodeAll) collectGeometry(vec, encoding!, (collector ??= new ShapeCollector(crs?.reproject ?? null, total)));
      else if (own && ownMatches) {
        const first = checker.featureCount;
        const n = Math.min(CHECK_ROWS, at.numRows);
        collectGeometry(vec, encoding!, checker, n);
        ownMatches = pointsMatch(at, own.lon, own.lat, checker, first, n);
      }
    }
    conn.insertArrowFromIPCStream(ipc, { name: table, create: g === 0 });
    rows += groupRows[g] ?? 0;
    onRows(rows, total);
  }
  if (!col) return { geometry: null };
  const declared = declaredBBox(col.bbox);
  const warnings: EngineMessage[] = [];
  if (own && !ownMatches) {
    // The columns disagree with the geometry: the geometry is authoritative, decode it all.
    warnings.push(message('columns-disagree-with-geometry', { lon: own.lon, lat: own.lat, column: primary! }));
    const decoded = await decodeGeoParquetGeometry(pq, bytes, fileName, options);
    return { geometry: finishGeometry(fileName, decoded, primary!, crs, source, declared, warnings) };
  }
  if (own) {
    // The sampled WKB points equal the file's lon/lat columns: use the columns.
    const checked = checker.finish();
    return {
      geometry: {
        info: { kind: 'point', lon: own.lon, lat: own.lat, source: 'wkb', column: primary!, crs: crs?.name ?? 'unknown', crsSource: source, reprojected: false },
        bbox: null,
        rowsWithoutCoordinates: 0,
        shapes: null,
        useColumns: own,
        declaredBbox: declared,
        warnings: checked.counts.invalid ? [message('sampled-geometries-unusable', { n: checked.counts.invalid })] : [],
      },
    };
  }
  return { geometry: finishGeometry(fileName, (collector ?? new ShapeCollector()).finish(), primary!, crs, source, declared, warnings) };
}

function finishGeometry(
  fileName: string,
  shapes: CollectedShapes,
  column: string,
  crs: ResolvedCrs | null,
  source: 'file' | 'options' | 'default',
  declaredBbox: BBox | null,
  warnings: EngineMessage[],
): NonNullable<ParquetIngest['geometry']> {
  const c = shapes.counts;
  const placed = shapes.featureCount - c.empty - c.invalid;
  if (!crs && c.outOfRange > placed) {
    throw notLonLat(fileName, { where: 'geometry', column });
  }
  const without = shapes.featureCount - placed;
  warnings.push(...shapeWarnings(shapes, without, 'geometries-undecodable'));
  return {
    info: {
      ...shapeGeometry(shapes),
      source: 'wkb',
      column,
      crs: crs?.name ?? 'unknown',
      crsSource: source,
      reprojected: Boolean(crs?.reproject),
    },
    bbox: shapes.bbox,
    rowsWithoutCoordinates: without,
    shapes,
    useColumns: null,
    declaredBbox,
    warnings,
  };
}

// A Parquet file's footer metadata, and what its GeoParquet "geo" metadata says about
// the geometry column: encoding and CRS. Read by the table ingest (parquet.ts) and the
// geometry decoder (geoparquet.ts) alike.
import type { Parquet } from '../platform';
import type { LoadOptions } from '../protocol';
import { resolveCrs, type ResolvedCrs } from './crs';
import { about } from '../engine-error';
import { fail, failOf } from './errors';

/** A GeoParquet geometry column's metadata (the spec's column object). */
export interface GeoParquetColumn {
  encoding: string;
  geometry_types?: string[];
  crs?: unknown;
  bbox?: number[];
}

/** A GeoParquet file's "geo" metadata. */
export interface GeoParquetMeta {
  version?: string;
  primary_column: string;
  columns: Record<string, GeoParquetColumn>;
}

/** What a Parquet file's footer says: row groups, rows, and its GeoParquet metadata if any. */
export interface FileMeta {
  groups: number;
  total: number;
  /** Rows per row group, for progress without asking DuckDB. */
  groupRows: number[];
  geo: GeoParquetMeta | null;
}

/** Read a Parquet file's footer; refuses a file that is not Parquet or whose "geo" metadata is broken. */
export async function readMeta(pq: Parquet, fileName: string, bytes: Uint8Array): Promise<FileMeta> {
  let file;
  try {
    file = await pq.ParquetFile.fromFile(new Blob([bytes as BlobPart]));
  } catch (err) {
    throw fail(fileName, 'parquet-unreadable', { detail: String((err as Error).message ?? err) });
  }
  try {
    const meta = file.metadata();
    const groups = meta.numRowGroups();
    const total = Number(meta.fileMetadata().numRows());
    const groupRows = meta.rowGroups().map((g) => Number(g.numRows()));
    const kv = meta.fileMetadata().keyValueMetadata() as Map<string, string>;
    let geo: GeoParquetMeta | null = null;
    if (kv.has('geo')) {
      try {
        geo = JSON.parse(kv.get('geo')!) as GeoParquetMeta;
      } catch {
        throw failOf(fileName, 'geo-metadata-not-json');
      }
      if (!geo || typeof geo.primary_column !== 'string' || !geo.columns?.[geo.primary_column]) {
        throw failOf(fileName, 'geo-metadata-no-primary');
      }
    }
    return { groups, total, groupRows, geo };
  } finally {
    file.free();
  }
}

/** The CRS of a GeoParquet geometry column: the load options', the file's, or the spec's default. */
export function geoCrs(fileName: string, col: GeoParquetColumn, options: LoadOptions): { crs: ResolvedCrs | null; source: 'file' | 'options' | 'default' } {
  try {
    if (options.crs) return { crs: resolveCrs(options.crs), source: 'options' };
    // Absent means OGC:CRS84 (the spec's default); null means "unknown".
    if (!('crs' in col)) return { crs: resolveCrs(undefined), source: 'default' };
    if (col.crs === null) return { crs: null, source: 'file' };
    return { crs: resolveCrs(col.crs), source: 'file' };
  } catch (err) {
    throw about(err, fileName);
  }
}

/** A geometry column's encoding, refusing those CityLens cannot read. */
export function encodingOf(fileName: string, col: GeoParquetColumn, name: string): 'wkb' | 'point' {
  const e = String(col.encoding ?? '').toLowerCase();
  if (e === 'wkb' || e === 'point') return e;
  throw failOf(fileName, 'geometry-encoding-unsupported', { column: name, encoding: String(col.encoding) });
}

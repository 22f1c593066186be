// GeoParquet geometry columns → ShapeCollector: WKB (every type, via wkb.ts) or the
// GeoParquet 1.1 native GeoArrow point encoding (struct<x, y>).
import { tableFromIPC, type Vector } from 'apache-arrow';
import type { Parquet } from '../platform';
import type { LoadOptions } from '../protocol';
import { fail } from './errors';
import { encodingOf, geoCrs, readMeta } from './parquet-meta';
import { ShapeCollector, type CollectedShapes } from './shapes';
import { decodeWkbColumn } from './wkb';

/** Feed one row group's geometry column to the collector (WKB, or GeoArrow separated points). */
export function collectGeometry(vec: Vector, encoding: string, c: ShapeCollector, limit = Infinity): void {
  let done = 0;
  for (const d of vec.data) {
    const n = Math.min(d.length, limit - done);
    if (n <= 0) return;
    if (encoding === 'wkb') {
      const offsets = d.valueOffsets.subarray(d.offset, d.offset + n + 1);
      const bitmap = d.nullCount ? d.nullBitmap : null;
      if (bitmap && d.offset % 8) {
        // Unaligned slices are rare (IPC from parquet-wasm starts at 0): go row by row.
        for (let i = 0; i < n; i++) {
          const sub = d.valueOffsets.subarray(d.offset + i, d.offset + i + 2);
          const isNull = !((bitmap[(d.offset + i) >> 3] >> ((d.offset + i) & 7)) & 1);
          decodeWkbColumn(d.values, sub, isNull ? new Uint8Array(1) : null, 1, c);
        }
      } else {
        decodeWkbColumn(d.values, offsets, bitmap, n, c);
      }
    } else {
      // GeoArrow "point" (GeoParquet 1.1 native): struct<x, y[, z, m]>.
      const x = d.children[0];
      const y = d.children[1];
      for (let i = 0; i < n; i++) {
        c.beginFeature();
        const valid = !d.nullCount || (d.nullBitmap[(d.offset + i) >> 3] >> ((d.offset + i) & 7)) & 1;
        if (valid) c.point(x.values[x.offset + i], y.values[y.offset + i]);
        c.endFeature();
      }
    }
    done += n;
  }
}

/**
 * Decode a GeoParquet file's primary geometry column, every row, reading that column
 * alone (ParquetFile.read honours `columns`), row group by row group.
 */
export async function decodeGeoParquetGeometry(
  pq: Parquet,
  bytes: Uint8Array,
  fileName: string,
  options: LoadOptions = {},
): Promise<CollectedShapes> {
  const { groups, total, geo } = await readMeta(pq, fileName, bytes);
  if (!geo) throw fail(fileName, 'not-geoparquet');
  const col = geo.columns[geo.primary_column];
  const encoding = encodingOf(fileName, col, geo.primary_column);
  const { crs } = geoCrs(fileName, col, options);
  const collector = new ShapeCollector(crs?.reproject ?? null, total);
  const file = await pq.ParquetFile.fromFile(new Blob([bytes as BlobPart]));
  try {
    for (let g = 0; g < Math.max(groups, 1); g++) {
      const t = await file.read({ columns: [geo.primary_column], rowGroups: groups ? [g] : undefined, batchSize: 1 << 20 });
      const at = tableFromIPC(t.intoIPCStream());
      collectGeometry(at.getChild(geo.primary_column)!, encoding, collector);
    }
  } finally {
    file.free();
  }
  return collector.finish();
}

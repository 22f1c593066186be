// A PMTiles v3 writer for city-sized tilesets: header (127 bytes), a gzipped root
// directory (leaf directories only when the root would not fit in the first 16 KiB,
// where readers look for it), JSON metadata, then tile data in TileID order with
// identical tiles stored once. Spec: protomaps/PMTiles spec/v3/spec.md; the `pmtiles`
// npm package is the reader it must satisfy (see tests/unit/osm-to-pmtiles.test.ts).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

const HEADER_BYTES = 127;
const ROOT_LIMIT = 16384 - HEADER_BYTES;
export const Compression = { none: 1, gzip: 2, brotli: 3, zstd: 4 };
export const TileType = { mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5 };

function pushVarint(out, n) {
  // Numbers up to 2^53: shift with division, not >>>, which truncates to 32 bits.
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** Directory entries → the spec's columnar varint layout, gzipped. */
function encodeDirectory(entries) {
  const out = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous entry's bytes"; otherwise offset + 1.
    pushVarint(out, i > 0 && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzipSync(Uint8Array.from(out), { level: 9 });
}

/** Root (and, for large sets, leaf) directories whose root fits the first 16 KiB. */
function buildDirectories(entries) {
  const root = encodeDirectory(entries);
  if (root.length <= ROOT_LIMIT) return { root, leaves: Buffer.alloc(0) };
  for (let perLeaf = 4096; ; perLeaf *= 2) {
    const leafParts = [];
    const rootEntries = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += perLeaf) {
      const leaf = encodeDirectory(entries.slice(i, i + perLeaf));
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const leafRoot = encodeDirectory(rootEntries);
    if (leafRoot.length <= ROOT_LIMIT) return { root: leafRoot, leaves: Buffer.concat(leafParts) };
  }
}

function writeUint64(view, pos, n) {
  view.setUint32(pos, n % 2 ** 32, true);
  view.setUint32(pos + 4, Math.floor(n / 2 ** 32), true);
}

const e7 = (deg) => Math.round(deg * 1e7);

/**
 * @param {object} o
 * @param {{z:number,x:number,y:number,data:Uint8Array}[]} o.tiles XYZ tiles (not TMS)
 * @param {number} o.tileCompression a Compression value describing the tile bytes as given
 * @param {number} o.tileType a TileType value
 * @param {[number,number,number,number]} o.bounds minLon, minLat, maxLon, maxLat
 * @param {[number,number,number]} [o.center] lon, lat, zoom
 * @param {object} [o.metadata] JSON metadata (vector_layers, attribution, …)
 * @returns {Buffer} the archive
 */
export function writePmtiles({ tiles, tileCompression, tileType, bounds, center, metadata = {} }) {
  if (!tiles.length) throw new Error('writePmtiles: no tiles to write');
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);

  const entries = [];
  const dataParts = [];
  const seen = new Map(); // content hash → { offset, length }
  let dataLength = 0;
  for (const t of sorted) {
    const hash = createHash('sha256').update(t.data).digest('base64');
    let blob = seen.get(hash);
    if (!blob) {
      blob = { offset: dataLength, length: t.data.length };
      seen.set(hash, blob);
      dataParts.push(t.data);
      dataLength += t.data.length;
    }
    const last = entries[entries.length - 1];
    // A run: consecutive TileIDs with the same bytes share one entry.
    if (last && last.offset === blob.offset && last.tileId + last.runLength === t.tileId) last.runLength++;
    else entries.push({ tileId: t.tileId, offset: blob.offset, length: blob.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries);
  const meta = gzipSync(Buffer.from(JSON.stringify(metadata)), { level: 9 });
  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const leafOffset = metaOffset + meta.length;
  const dataOffset = leafOffset + leaves.length;

  const header = new ArrayBuffer(HEADER_BYTES);
  const v = new DataView(header);
  new Uint8Array(header).set(Buffer.from('PMTiles'), 0);
  v.setUint8(7, 3);
  [rootOffset, root.length, metaOffset, meta.length, leafOffset, leaves.length, dataOffset, dataLength].forEach((n, i) =>
    writeUint64(v, 8 + i * 8, n),
  );
  writeUint64(v, 72, sorted.length); // addressed tiles
  writeUint64(v, 80, entries.length); // tile entries
  writeUint64(v, 88, seen.size); // distinct tile contents
  v.setUint8(96, 1); // clustered: tile data is in TileID order
  v.setUint8(97, Compression.gzip); // internal (directories, metadata)
  v.setUint8(98, tileCompression);
  v.setUint8(99, tileType);
  const zooms = sorted.map((t) => t.z);
  const minZoom = Math.min(...zooms);
  const maxZoom = Math.max(...zooms);
  v.setUint8(100, minZoom);
  v.setUint8(101, maxZoom);
  const [w, s, e, n] = bounds;
  v.setInt32(102, e7(w), true);
  v.setInt32(106, e7(s), true);
  v.setInt32(110, e7(e), true);
  v.setInt32(114, e7(n), true);
  const [cLon, cLat, cZoom] = center ?? [(w + e) / 2, (s + n) / 2, maxZoom - 2];
  v.setUint8(118, Math.max(minZoom, Math.min(maxZoom, Math.round(cZoom))));
  v.setInt32(119, e7(cLon), true);
  v.setInt32(123, e7(cLat), true);

  return Buffer.concat([Buffer.from(header), root, meta, leaves, ...dataParts]);
}

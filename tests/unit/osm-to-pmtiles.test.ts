// scripts/osm-to-pmtiles.mjs: tilemaker → MBTiles → our PMTiles v3 writer, read back with
// the `pmtiles` package (the reader the app uses) through a Node file source.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PMTiles, TileType, type Source } from 'pmtiles';
import { hasTilemaker, osmToPmtiles } from '../../scripts/osm-to-pmtiles.mjs';
import { Compression, writePmtiles } from '../../scripts/basemap/pmtiles-writer.mjs';

const MONACO = path.resolve(__dirname, '../../../shared/basemap/monaco-latest.osm.pbf');
const work = mkdtempSync(path.join(tmpdir(), 'citylens-pmtiles-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A pmtiles Source over bytes in memory, as a file read in Node. */
function bufferSource(buf: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset: number, length: number) => ({
      data: buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + Math.min(offset + length, buf.length)) as ArrayBuffer,
    }),
  };
}

/** Layer names and feature counts of a Mapbox Vector Tile (Tile.layers = 3; Layer.name = 1, features = 2). */
function mvtLayers(bytes: Uint8Array): Map<string, number> {
  let pos = 0;
  const varint = (b: Uint8Array) => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[pos++];
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
    }
  };
  const fields = (b: Uint8Array, visit: (tag: number, value: Uint8Array | number) => void) => {
    pos = 0;
    while (pos < b.length) {
      const key = varint(b);
      const [tag, type] = [Math.floor(key / 8), key % 8];
      if (type === 2) {
        const len = varint(b);
        const value = b.subarray(pos, pos + len);
        pos += len;
        const saved = pos;
        visit(tag, value);
        pos = saved;
      } else if (type === 0) visit(tag, varint(b));
      else if (type === 5) pos += 4;
      else if (type === 1) pos += 8;
      else throw new Error(`not a vector tile: wire type ${type}`);
    }
  };
  const layers = new Map<string, number>();
  fields(bytes, (tag, layer) => {
    if (tag !== 3 || typeof layer === 'number') return;
    let name = '';
    let features = 0;
    fields(layer, (t, v) => {
      if (t === 1 && typeof v !== 'number') name = new TextDecoder().decode(v);
      if (t === 2) features++;
    });
    layers.set(name, features);
  });
  return layers;
}

function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n)];
}

describe('PMTiles v3 writer', () => {
  it('writes an archive the pmtiles reader opens, spilling into leaf directories when the root would pass 16 KiB', async () => {
    // 20,000 scattered zoom-14 tiles with distinct bytes: too many entries for a 16 KiB root.
    const tiles = [];
    const used = new Set<string>();
    let seed = 42;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    while (tiles.length < 20_000) {
      const [x, y] = [Math.floor(rand() * 4096), Math.floor(rand() * 4096)];
      if (used.has(`${x}/${y}`)) continue;
      used.add(`${x}/${y}`);
      tiles.push({ z: 14, x, y, data: new TextEncoder().encode(`tile ${x}/${y}`) });
    }
    tiles.push({ z: 0, x: 0, y: 0, data: new TextEncoder().encode('same') }, { z: 1, x: 0, y: 0, data: new TextEncoder().encode('same') });
    const archive = writePmtiles({ tiles, tileCompression: Compression.none, tileType: 2, bounds: [-10, -5, 10, 5], metadata: { name: 'synthetic' } });
    const reader = new PMTiles(bufferSource(archive));
    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16384);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 14]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([-10, -5, 10, 5]);
    expect(header.numAddressedTiles).toBe(20_002);
    expect(header.numTileContents).toBe(20_001); // the two 'same' tiles are stored once
    for (const t of [tiles[0], tiles[7777], tiles[19_999], tiles[20_001]]) {
      const got = await reader.getZxy(t.z, t.x, t.y);
      expect(new TextDecoder().decode(got!.data)).toBe(new TextDecoder().decode(t.data));
    }
    expect(await reader.getZxy(14, 4095, 4095)).toBeUndefined();
    expect(await reader.getMetadata()).toEqual({ name: 'synthetic' });
  });
});

const canBuild = hasTilemaker() && existsSync(MONACO);
if (!canBuild) {
  console.warn(
    '\n!!! SKIPPED osm-to-pmtiles Monaco build: ' +
      (existsSync(MONACO) ? 'tilemaker is not installed (apt-get install -y tilemaker sqlite3)' : `${MONACO} is missing`) +
      ' !!!\n',
  );
}

describe.skipIf(!canBuild)('osm-to-pmtiles on the Monaco extract', () => {
  it('builds an OpenMapTiles-schema PMTiles whose header and tiles the pmtiles reader decodes', async () => {
    const out = path.join(work, 'monaco.pmtiles');
    const summary = osmToPmtiles({ input: MONACO, output: out });
    expect(summary.tiles).toBeGreaterThan(15);
    const reader = new PMTiles(bufferSource(new Uint8Array(readFileSync(out))));
    const h = await reader.getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual([0, 14]);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.tileCompression).toBe(Compression.gzip);
    // The extract's bbox: 7.409,43.723 → 7.449,43.752 (tilemaker's bounds from the data).
    expect(h.minLon).toBeCloseTo(7.409, 2);
    expect(h.minLat).toBeCloseTo(43.723, 2);
    expect(h.maxLon).toBeCloseTo(7.449, 2);
    expect(h.maxLat).toBeCloseTo(43.752, 2);
    const meta = (await reader.getMetadata()) as { attribution: string; vector_layers: { id: string }[] };
    expect(meta.attribution).toBe('© OpenStreetMap contributors');
    expect(meta.vector_layers.map((l) => l.id)).toEqual(expect.arrayContaining(['transportation', 'building', 'water']));

    // The zoom-14 tile over the Port of Monaco holds streets, their names and buildings.
    const [x, y] = lonLatToTile(7.4246, 43.7384, 14);
    const tile = await reader.getZxy(14, x, y);
    expect(tile).toBeDefined();
    const layers = mvtLayers(new Uint8Array(tile!.data));
    expect(layers.get('transportation')).toBeGreaterThan(100);
    expect(layers.get('transportation_name')).toBeGreaterThan(10);
    expect(layers.get('building')).toBeGreaterThan(100);
    expect(await reader.getZxy(14, x + 50, y)).toBeUndefined();
  });
});

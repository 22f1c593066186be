// Types for scripts/basemap/pmtiles-writer.mjs.
export const Compression: { none: 1; gzip: 2; brotli: 3; zstd: 4 };
export const TileType: { mvt: 1; png: 2; jpeg: 3; webp: 4; avif: 5 };
export function writePmtiles(o: {
  tiles: { z: number; x: number; y: number; data: Uint8Array }[];
  tileCompression: number;
  tileType: number;
  bounds: [number, number, number, number] | number[];
  center?: [number, number, number];
  metadata?: Record<string, unknown>;
}): Buffer;

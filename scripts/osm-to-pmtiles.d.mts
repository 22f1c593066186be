// Types for scripts/osm-to-pmtiles.mjs (used by tests/unit/osm-to-pmtiles.test.ts).
export const ATTRIBUTION: string;
export function hasTilemaker(): boolean;
export function parseBbox(text: string): [number, number, number, number];
export function osmToPmtiles(o: {
  input: string;
  output: string;
  bbox?: number[];
  log?: (s: string) => void;
}): { tiles: number; bytes: number; minZoom: number; maxZoom: number; bounds: number[] };

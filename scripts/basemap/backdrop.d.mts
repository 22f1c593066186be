// Types for scripts/basemap/backdrop.mjs (used by tests/unit/backdrop.test.ts).
type Box = [number, number, number, number];
type Ring = [number, number][];
export const BACKDROP_FILES: { world: string; detail: string };
export function clipRing(ring: Ring, box: Box): Ring | null;
export function clipPolygons(geometry: GeoJSON.Geometry, box: Box): Ring[][];
export function dashboardExtent(config: unknown): Box | null;
export function detailFor(extent: Box | null): GeoJSON.FeatureCollection<GeoJSON.MultiPolygon | GeoJSON.Polygon, { kind: 'sea' | 'land' }>;
export function writeBackdrop(config: unknown, vendorDir: string): { world: number; detail: number };

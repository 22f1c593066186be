// Version 1 → 2 of the layer schema, as pure JSON → JSON (SQLRooms' layout-config
// migrate.ts): the caller validates the result with parseLayer, which names whatever a
// version-1 layer lacked (a choropleth without its column, say).
import { LAYER_SCHEMAS, type LayerKind } from './layer';

/** A round-1 layer spec (src/map/layer-spec.ts until round 2): every setting on every kind. */
export interface LayerSpecV1 {
  id: string;
  kind: 'points' | 'hexagons' | 'grid' | 'h3' | 'choropleth' | 'outlines' | 'lines' | 'heatmap';
  dataset: string;
  title: string;
  visible: boolean;
  opacity: number;
  sizeM: number;
  resolution: number;
  /** Set on a choropleth of points: the polygon dataset they are counted in. */
  districts?: string;
  colorBy?: string;
  sizeBy?: string;
  column?: string;
  stat: string;
  value?: string;
  measure: string;
  classification: string;
  scheme: string;
  classes: number;
  extruded: boolean;
  domain?: [number, number];
}

/** Version-1 kinds whose name changed. */
const RENAMED: Record<string, LayerKind> = { hexagons: 'hexagon' };

/**
 * A version-1 layer as a version-2 one: 'hexagons' → 'hexagon', 'choropleth' with
 * `districts` → 'districts', and only the settings the new kind has (the rest dropped).
 * Anything that is not an object with a known version-1 kind comes back as it was.
 */
export function migrateLayerV1(old: unknown): unknown {
  if (typeof old !== 'object' || old === null || !('kind' in old) || typeof old.kind !== 'string') return old;
  const v1: Record<string, unknown> = { ...old };
  const kind: string = v1.kind === 'choropleth' && v1.districts ? 'districts' : (RENAMED[old.kind] ?? old.kind);
  const schema = Object.entries(LAYER_SCHEMAS).find(([k]) => k === kind)?.[1];
  if (!schema) return old;
  const out: Record<string, unknown> = { kind };
  for (const key of Object.keys(schema.shape)) if (key !== 'kind' && v1[key] !== undefined) out[key] = v1[key];
  return out;
}

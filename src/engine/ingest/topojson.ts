// TopoJSON → features with topojson-client: every object of the topology, in order
// (a `layer` column names the object when there are several). Many TopoJSON files keep
// the feature name only as the geometry `id` (e.g. London boroughs); features.ts turns
// ids into an `id` column.
import { feature } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';
import type { FeatureRow } from './features';
import { fail } from './errors';

export interface ParsedTopology {
  features: FeatureRow[];
  geometries: unknown[];
  objects: string[];
  bbox?: number[];
  crs?: string;
}

export function readTopology(fileName: string, value: unknown): ParsedTopology {
  const t = value as Topology & { crs?: unknown };
  if (!t || typeof t !== 'object' || t.type !== 'Topology') throw fail(fileName, 'topojson-not-topology');
  if (!t.objects || typeof t.objects !== 'object') throw fail(fileName, 'topojson-no-objects');
  if (!Array.isArray(t.arcs)) throw fail(fileName, 'topojson-no-arcs');
  const names = Object.keys(t.objects);
  if (names.length === 0) throw fail(fileName, 'topojson-empty');
  const features: FeatureRow[] = [];
  const geometries: unknown[] = [];
  for (const name of names) {
    let fc;
    try {
      fc = feature(t, t.objects[name] as GeometryObject);
    } catch (err) {
      throw fail(fileName, 'topojson-object-invalid', { name, detail: (err as Error).message });
    }
    const list = 'features' in fc ? fc.features : [fc];
    for (const f of list) {
      features.push({
        properties: f.properties && Object.keys(f.properties).length ? (f.properties as Record<string, unknown>) : null,
        id: f.id,
        layer: names.length > 1 ? name : undefined,
      });
      geometries.push(f.geometry);
    }
  }
  return { features, geometries, objects: names, bbox: Array.isArray(t.bbox) ? t.bbox : undefined };
}

// GeoJSON in all the shapes open-data portals publish it: a FeatureCollection, a single
// Feature, a bare geometry, newline-delimited GeoJSON (one Feature per line, also RFC 8142
// sequences), or a plain JSON array of records. The legacy (2008) `crs` member is read.
import type { FeatureRow } from './features';
import { fail } from './errors';
import { geoJsonCrs } from './crs';

export interface ParsedGeoJson {
  variant: 'FeatureCollection' | 'Feature' | 'Geometry' | 'NDJSON' | 'records';
  features: FeatureRow[];
  /** Geometry per feature, parallel to `features` (null where it has none). */
  geometries: unknown[];
  crs?: string;
  bbox?: number[];
}

const GEOMETRY_TYPES = new Set([
  'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection',
]);

export function decodeText(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder().decode(bytes.subarray(start));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where a JSON.parse error is, in words: Node and browsers word it differently. */
function jsonProblem(err: unknown): string {
  return String((err as Error).message ?? err).replace(/^JSON\.parse: /, '');
}

/** Parse JSON text, or newline-delimited JSON when the whole text is not one value. */
export function parseJsonOrLines(fileName: string, text: string): { value: unknown; lines: boolean } {
  if (text.trim() === '') throw fail(fileName, 'file-empty');
  try {
    return { value: JSON.parse(text), lines: false };
  } catch (err) {
    const lines = text.replace(/\u001e/g, '\n').split(/\r?\n/);
    const nonEmpty = lines.filter((l) => l.trim() !== '');
    if (nonEmpty.length >= 2 && /^\s*\{/.test(nonEmpty[0]) && /\}\s*$/.test(nonEmpty[0])) {
      const values: unknown[] = [];
      for (let i = 0; i < lines.length; i++) {
        if (lines[i].trim() === '') continue;
        try {
          values.push(JSON.parse(lines[i]));
        } catch (lineErr) {
          throw fail(fileName, 'ndjson-invalid', { line: String(i + 1), detail: jsonProblem(lineErr) });
        }
      }
      return { value: values, lines: true };
    }
    throw fail(fileName, 'json-invalid', { detail: jsonProblem(err) });
  }
}

function featureOf(f: Record<string, unknown>): { row: FeatureRow; geometry: unknown } {
  return {
    row: { properties: isObject(f.properties) ? f.properties : null, id: f.id },
    geometry: f.geometry ?? null,
  };
}

export function readGeoJson(fileName: string, value: unknown, lines: boolean): ParsedGeoJson {
  const features: FeatureRow[] = [];
  const geometries: unknown[] = [];
  const add = (f: Record<string, unknown>) => {
    const { row, geometry } = featureOf(f);
    features.push(row);
    geometries.push(geometry);
  };
  if (Array.isArray(value)) {
    if (value.length === 0) throw fail(fileName, 'json-empty-list');
    const allFeatures = value.every((v) => isObject(v) && v.type === 'Feature');
    const allGeometries = value.every((v) => isObject(v) && GEOMETRY_TYPES.has(v.type as string));
    if (allFeatures) value.forEach((v) => add(v as Record<string, unknown>));
    else if (allGeometries) value.forEach((g) => add({ geometry: g }));
    else if (value.every(isObject)) {
      // Plain records (e.g. an API export): each object is a row; coordinates come from columns later.
      value.forEach((v) => {
        features.push({ properties: v as Record<string, unknown> });
        geometries.push(null);
      });
      return { variant: 'records', features, geometries };
    } else {
      const bad = value.findIndex((v) => !isObject(v));
      throw fail(fileName, 'json-item-not-object', { unit: lines ? 'line' : 'item', n: String(bad + 1) });
    }
    return { variant: lines ? 'NDJSON' : 'FeatureCollection', features, geometries };
  }
  if (!isObject(value)) throw fail(fileName, 'json-single-value');
  const crs = geoJsonCrs(value.crs);
  const bbox = Array.isArray(value.bbox) && value.bbox.length >= 4 ? (value.bbox as number[]) : undefined;
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) throw fail(fileName, 'geojson-no-features-list');
    value.features.forEach((f, i) => {
      if (!isObject(f)) throw fail(fileName, 'geojson-feature-not-object', { n: String(i + 1) });
      add(f);
    });
    return { variant: 'FeatureCollection', features, geometries, crs, bbox };
  }
  if (value.type === 'Feature') {
    add(value);
    return { variant: 'Feature', features, geometries, crs, bbox };
  }
  if (GEOMETRY_TYPES.has(value.type as string)) {
    add({ geometry: value });
    return { variant: 'Geometry', features, geometries, crs, bbox };
  }
  throw fail(fileName, 'json-not-geojson');
}

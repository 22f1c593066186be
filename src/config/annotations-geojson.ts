// The annotations file: a GeoJSON FeatureCollection (properties: note, kind), marked twice
// so that a drop tells it from a dataset: a top-level "citylens": "annotations" written
// first (read from the file's head, without parsing a large dataset), and
// "citylensAnnotation": true on every feature (kept by GIS tools that drop foreign members).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { t } from '../i18n/t';
import { MAX_ANNOTATIONS, newAnnotationId, parseAnnotation, type Annotation, type AnnotationKind } from './annotations';

/** The top-level marker's key and value. */
export const FILE_MARKER = { key: 'citylens', value: 'annotations' } as const;
/** The most bytes of a file the marker is looked for in. */
export const HEAD_BYTES = 4096;
/** An annotations file larger than this is refused before it is read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface AnnotationProperties {
  citylensAnnotation: true;
  kind: AnnotationKind;
  note: string;
}

export type AnnotationsFile = FeatureCollection<Geometry, AnnotationProperties> & { [FILE_MARKER.key]: typeof FILE_MARKER.value };

/** The annotation as a GeoJSON geometry: an area's ring closed. */
export function annotationGeometry(a: Annotation): Geometry {
  if (a.kind === 'point') return { type: 'Point', coordinates: a.coordinates };
  if (a.kind === 'line') return { type: 'LineString', coordinates: a.coordinates };
  return { type: 'Polygon', coordinates: [[...a.coordinates, a.coordinates[0]]] };
}

/** The annotations as their file's FeatureCollection, the marker first. */
export function annotationsToGeoJSON(list: readonly Annotation[]): AnnotationsFile {
  return {
    [FILE_MARKER.key]: FILE_MARKER.value,
    type: 'FeatureCollection',
    features: list.map((a): Feature<Geometry, AnnotationProperties> => ({
      type: 'Feature',
      id: a.id,
      geometry: annotationGeometry(a),
      properties: { citylensAnnotation: true, kind: a.kind, note: a.note },
    })),
  };
}

/** Whether the start of a file says it is an annotations file. */
export function isAnnotationsHead(head: string): boolean {
  return /"citylens"\s*:\s*"annotations"|"citylensAnnotation"\s*:\s*true/.test(head);
}

const GEOMETRY_KIND: Record<string, AnnotationKind> = { Point: 'point', LineString: 'line', Polygon: 'area' };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type FileRead = { ok: true; annotations: Annotation[] } | { ok: false; problem: string };

/** One feature as an annotation, or the problem with it (n counts from 1, as people do). */
function readFeature(f: unknown, n: number, taken: Set<string>): { annotation: Annotation } | { problem: string } {
  if (!isObject(f) || f.type !== 'Feature') return { problem: t('annotations.fileNotFeature', { n }) };
  const props = f.properties;
  if (!isObject(props) || props.citylensAnnotation !== true) return { problem: t('annotations.fileNotAnnotation', { n }) };
  const g = f.geometry;
  const type = isObject(g) && typeof g.type === 'string' ? g.type : String(g === null ? null : typeof g);
  const kind = GEOMETRY_KIND[type];
  if (!isObject(g) || !kind) return { problem: t('annotations.fileGeometry', { n, type }) };
  if (props.kind !== undefined && props.kind !== kind) return { problem: t('annotations.fileKind', { n, kind: String(props.kind), type }) };
  let coordinates = g.coordinates;
  if (kind === 'area') {
    if (!Array.isArray(coordinates) || coordinates.length !== 1) return { problem: t('annotations.fileRings', { n }) };
    const ring = coordinates[0];
    // The file's ring is closed; the annotation's is open.
    coordinates = Array.isArray(ring) && ring.length > 1 && JSON.stringify(ring[0]) === JSON.stringify(ring[ring.length - 1]) ? ring.slice(0, -1) : ring;
  }
  const id = typeof f.id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(f.id) && !taken.has(f.id) ? f.id : newAnnotationId(taken);
  const note = props.note ?? '';
  const read = parseAnnotation({ id, kind, note, coordinates });
  if (!read.ok) return { problem: t('annotations.fileFeature', { n, problem: read.problem }) };
  taken.add(id);
  return { annotation: read.annotation };
}

/** The annotations in a file's text, or the first problem with it. */
export function readAnnotationsFile(text: string): FileRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: t('annotations.fileNotJson') };
  }
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    return { ok: false, problem: t('annotations.fileNotCollection') };
  }
  if (value.features.length > MAX_ANNOTATIONS) return { ok: false, problem: t('annotations.fileTooMany', { max: MAX_ANNOTATIONS }) };
  const annotations: Annotation[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < value.features.length; i++) {
    const r = readFeature(value.features[i], i + 1, taken);
    if ('problem' in r) return { ok: false, problem: r.problem };
    annotations.push(r.annotation);
  }
  return { ok: true, annotations };
}

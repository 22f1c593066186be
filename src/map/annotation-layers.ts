// Annotations on the map: MapLibre GeoJSON sources and circle/line/fill layers on top of
// everything (the data layers and the basemap's labels). A basemap change replaces the
// style and with it these sources, so they are put back whenever the style changes.
import type { FeatureCollection, Geometry } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import type { MapLibreMap } from './maplibre';
import type { Annotation, AnnotationKind, LonLat } from '../config/annotations';
import { annotationGeometry } from '../config/annotations-geojson';

const SOURCE = 'citylens-annotations';
const DRAFT = 'citylens-annotation-draft';
/** A purple none of the data schemes use, with a white halo to read on dark and light maps. */
const INK = '#7b2cbf';
const HALO = '#ffffff';

/** A shape being drawn: its kind and the vertices so far. */
export interface Draft {
  kind: AnnotationKind;
  vertices: LonLat[];
}

interface Shown {
  annotations: FeatureCollection;
  draft: FeatureCollection;
}

/** Each feature's `mark`: how it is drawn (an annotation's kind; a draft's vertices are points). */
type Mark = AnnotationKind;
const marked = (mark: Mark): ExpressionSpecification => ['==', ['get', 'mark'], mark];
const polygons = marked('area');
const points = marked('point');

const LAYERS: LayerSpecification[] = [
  { id: `${SOURCE}:fill`, type: 'fill', source: SOURCE, filter: polygons, paint: { 'fill-color': INK, 'fill-opacity': 0.18 } },
  { id: `${SOURCE}:halo`, type: 'line', source: SOURCE, filter: ['!', points], paint: { 'line-color': HALO, 'line-width': 5 } },
  { id: `${SOURCE}:line`, type: 'line', source: SOURCE, filter: ['!', points], paint: { 'line-color': INK, 'line-width': 2.5 } },
  { id: `${SOURCE}:point`, type: 'circle', source: SOURCE, filter: points,
    paint: { 'circle-radius': 7, 'circle-color': INK, 'circle-stroke-color': HALO, 'circle-stroke-width': 2 } },
  { id: `${DRAFT}:fill`, type: 'fill', source: DRAFT, filter: polygons, paint: { 'fill-color': INK, 'fill-opacity': 0.1 } },
  { id: `${DRAFT}:line`, type: 'line', source: DRAFT, filter: ['!', points], paint: { 'line-color': INK, 'line-width': 2, 'line-dasharray': [2, 1.5] } },
  { id: `${DRAFT}:vertex`, type: 'circle', source: DRAFT, filter: points,
    paint: { 'circle-radius': 4, 'circle-color': HALO, 'circle-stroke-color': INK, 'circle-stroke-width': 2 } },
];

const shown = new WeakMap<MapLibreMap, Shown>();
const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function collection(shapes: { geometry: Geometry; mark: Mark }[]): FeatureCollection {
  return { type: 'FeatureCollection', features: shapes.map(({ geometry, mark }) => ({ type: 'Feature', geometry, properties: { mark } })) };
}

/** The draft as drawn: its vertices, and the line or area they make so far. */
function draftShapes(d: Draft | null): { geometry: Geometry; mark: Mark }[] {
  if (!d) return [];
  const out = d.vertices.map((coordinates): { geometry: Geometry; mark: Mark } => ({ geometry: { type: 'Point', coordinates }, mark: 'point' }));
  if (d.kind === 'area' && d.vertices.length >= 3) out.push({ geometry: { type: 'Polygon', coordinates: [[...d.vertices, d.vertices[0]]] }, mark: 'area' });
  else if (d.kind !== 'point' && d.vertices.length >= 2) out.push({ geometry: { type: 'LineString', coordinates: d.vertices }, mark: 'line' });
  return out;
}

/** Adds the sources and layers where the style lacks them; false while the style is loading. */
function ensure(map: MapLibreMap): boolean {
  if (!map.isStyleLoaded()) return false;
  const s = shown.get(map) ?? { annotations: empty(), draft: empty() };
  if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: s.annotations });
  if (!map.getSource(DRAFT)) map.addSource(DRAFT, { type: 'geojson', data: s.draft });
  for (const layer of LAYERS) if (!map.getLayer(layer.id)) map.addLayer(layer);
  return true;
}

/** Keeps the annotation layers on `map` through style changes; returns the undo. */
export function attachAnnotationLayers(map: MapLibreMap): () => void {
  const again = () => void ensure(map);
  map.on('styledata', again);
  map.on('idle', again);
  again();
  return () => {
    map.off('styledata', again);
    map.off('idle', again);
  };
}

/** Draws these annotations and this draft (null: none). */
export function showAnnotations(map: MapLibreMap, annotations: readonly Annotation[], draft: Draft | null): void {
  const s: Shown = { annotations: collection(annotations.map((a) => ({ geometry: annotationGeometry(a), mark: a.kind }))), draft: collection(draftShapes(draft)) };
  shown.set(map, s);
  // For tests: how many annotations and draft vertices the map holds.
  Object.assign(map.getContainer().dataset, { annotations: String(annotations.length), draftVertices: String(draft?.vertices.length ?? 0) });
  if (!ensure(map)) return;
  map.getSource<GeoJSONSource>(SOURCE)?.setData(s.annotations);
  map.getSource<GeoJSONSource>(DRAFT)?.setData(s.draft);
}

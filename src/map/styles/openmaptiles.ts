// A compact light style for OpenMapTiles-schema tiles: what scripts/osm-to-pmtiles.mjs
// (tilemaker) makes, the Monaco and Chicago Loop samples, and OpenFreeMap's tiles. No
// sprite: every layer is a fill, a line or a text label, so nothing but glyphs is fetched.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { BasemapPalette } from './palette';

export const OMT_LIGHT: BasemapPalette = { land: '#f6f4ef', water: '#b3d1e6', coast: '#9cbfd8' };

const C = {
  wood: '#d5e7c7',
  grass: '#e2efd2',
  farmland: '#eef0da',
  sand: '#f3ecd3',
  wetland: '#dcebe2',
  ice: '#f3f7fa',
  park: '#d4eac6',
  residential: '#efebe4',
  commercial: '#f4e8e5',
  industrial: '#ece7ef',
  school: '#f5eed8',
  hospital: '#f8e2e2',
  cemetery: '#dde6d3',
  building: '#e1ddd6',
  buildingLine: '#d0cbc2',
  casing: '#d6d0c6',
  motorway: '#f4c784',
  motorwayCasing: '#d39f55',
  primary: '#fbe0ad',
  primaryCasing: '#d8bd8c',
  road: '#ffffff',
  path: '#c2ad96',
  rail: '#b7b1ab',
  boundary: '#b9a4c6',
  label: '#3d3b38',
  roadLabel: '#5b5852',
  waterLabel: '#3f6f98',
  halo: 'rgba(255,255,255,0.9)',
};

const NAME: ExpressionSpecification = ['coalesce', ['get', 'name:latin'], ['get', 'name'], ['get', 'name_en']];
const isClass = (...classes: string[]): ExpressionSpecification => ['in', ['get', 'class'], ['literal', classes]];

/** Line width in px by zoom, from a width at zoom 18 (halving per zoom level below, roughly). */
const width = (w18: number, min = 0.5): ExpressionSpecification => [
  'interpolate', ['exponential', 1.5], ['zoom'],
  8, min, 12, Math.max(min, w18 / 10), 15, w18 / 3, 18, w18, 20, w18 * 2,
];

const fill = (id: string, layer: string, color: string, filter?: FilterSpecification, minzoom = 0): LayerSpecification => ({
  id, type: 'fill', source: 'basemap', 'source-layer': layer, minzoom, ...(filter ? { filter } : {}),
  paint: { 'fill-color': color, 'fill-antialias': true },
});

type Road = { id: string; classes: string[]; color: string; casing: string; w: number; minzoom: number; dash?: number[] };
const ROADS: Road[] = [
  { id: 'path', classes: ['path', 'pedestrian', 'track'], color: C.path, casing: '', w: 2.5, minzoom: 14, dash: [2, 1.5] },
  { id: 'service', classes: ['service'], color: C.road, casing: C.casing, w: 7, minzoom: 14 },
  { id: 'minor', classes: ['minor', 'residential', 'unclassified', 'living_street'], color: C.road, casing: C.casing, w: 12, minzoom: 12 },
  { id: 'secondary', classes: ['secondary', 'tertiary'], color: C.road, casing: C.primaryCasing, w: 16, minzoom: 10 },
  { id: 'primary', classes: ['primary'], color: C.primary, casing: C.primaryCasing, w: 18, minzoom: 8 },
  { id: 'motorway', classes: ['motorway', 'trunk'], color: C.motorway, casing: C.motorwayCasing, w: 20, minzoom: 5 },
];

function roadLayers(brunnel: 'tunnel' | 'road' | 'bridge'): LayerSpecification[] {
  const where: ExpressionSpecification =
    brunnel === 'road' ? ['!', ['in', ['get', 'brunnel'], ['literal', ['tunnel', 'bridge']]]] : ['==', ['get', 'brunnel'], brunnel];
  const opacity = brunnel === 'tunnel' ? 0.55 : 1;
  const casings: LayerSpecification[] = ROADS.filter((r) => r.casing).map((r) => ({
    id: `road-${brunnel}-${r.id}-casing`, type: 'line', source: 'basemap', 'source-layer': 'transportation',
    minzoom: Math.max(r.minzoom, 12), filter: ['all', isClass(...r.classes), where],
    layout: { 'line-cap': brunnel === 'road' ? 'round' : 'butt', 'line-join': 'round' },
    paint: { 'line-color': r.casing, 'line-width': width(r.w + 3, 1), 'line-opacity': opacity },
  }));
  const fills: LayerSpecification[] = ROADS.map((r) => ({
    id: `road-${brunnel}-${r.id}`, type: 'line', source: 'basemap', 'source-layer': 'transportation',
    minzoom: r.minzoom, filter: ['all', isClass(...r.classes), where],
    layout: { 'line-cap': r.dash ? 'butt' : 'round', 'line-join': 'round' },
    paint: { 'line-color': r.color, 'line-width': width(r.w), 'line-opacity': opacity, ...(r.dash ? { 'line-dasharray': r.dash } : {}) },
  }));
  return [...casings, ...fills];
}

const label = (
  id: string, layer: string, minzoom: number, font: string, size: ExpressionSpecification | number, color: string,
  extra: Partial<Record<string, unknown>> = {}, filter?: FilterSpecification,
): LayerSpecification => ({
  id, type: 'symbol', source: 'basemap', 'source-layer': layer, minzoom, ...(filter ? { filter } : {}),
  layout: { 'text-field': NAME, 'text-font': [font], 'text-size': size, 'text-max-width': 8, ...extra },
  paint: { 'text-color': color, 'text-halo-color': C.halo, 'text-halo-width': 1.4, 'text-halo-blur': 0.5 },
} as LayerSpecification);

/** The style's layers over a vector source named "basemap" in the OpenMapTiles schema. */
export function openMapTilesLayers(palette: BasemapPalette = OMT_LIGHT): LayerSpecification[] {
  return [
    fill('landcover-wood', 'landcover', C.wood, isClass('wood', 'forest')),
    fill('landcover-grass', 'landcover', C.grass, isClass('grass')),
    fill('landcover-farmland', 'landcover', C.farmland, isClass('farmland')),
    fill('landcover-sand', 'landcover', C.sand, isClass('sand')),
    fill('landcover-wetland', 'landcover', C.wetland, isClass('wetland')),
    fill('landcover-ice', 'landcover', C.ice, isClass('ice')),
    fill('landuse-residential', 'landuse', C.residential, isClass('residential', 'suburb', 'neighbourhood'), 10),
    fill('landuse-commercial', 'landuse', C.commercial, isClass('commercial', 'retail'), 12),
    fill('landuse-industrial', 'landuse', C.industrial, isClass('industrial', 'garages', 'railway', 'quarry'), 12),
    fill('landuse-school', 'landuse', C.school, isClass('school', 'university', 'college', 'kindergarten', 'library'), 12),
    fill('landuse-hospital', 'landuse', C.hospital, isClass('hospital'), 12),
    fill('landuse-cemetery', 'landuse', C.cemetery, isClass('cemetery'), 12),
    fill('landuse-pitch', 'landuse', C.grass, isClass('stadium', 'pitch', 'playground', 'park'), 12),
    fill('park', 'park', C.park),
    fill('water', 'water', palette.water),
    {
      id: 'waterway', type: 'line', source: 'basemap', 'source-layer': 'waterway', minzoom: 8,
      paint: { 'line-color': palette.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 14, 2, 18, 6] },
    },
    {
      id: 'aeroway', type: 'line', source: 'basemap', 'source-layer': 'aeroway', minzoom: 11, filter: isClass('runway', 'taxiway'),
      paint: { 'line-color': '#dedbe4', 'line-width': width(30) },
    },
    {
      id: 'building', type: 'fill', source: 'basemap', 'source-layer': 'building', minzoom: 13,
      paint: {
        'fill-color': C.building,
        'fill-outline-color': C.buildingLine,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0, 14.5, 1],
      },
    },
    ...roadLayers('tunnel'),
    ...roadLayers('road'),
    {
      id: 'rail', type: 'line', source: 'basemap', 'source-layer': 'transportation', minzoom: 11, filter: isClass('rail', 'transit'),
      paint: { 'line-color': C.rail, 'line-width': width(3, 0.6), 'line-dasharray': [3, 2] },
    },
    ...roadLayers('bridge'),
    {
      id: 'boundary', type: 'line', source: 'basemap', 'source-layer': 'boundary',
      filter: ['all', ['<=', ['coalesce', ['get', 'admin_level'], 99], 4], ['!=', ['get', 'maritime'], 1]],
      paint: { 'line-color': C.boundary, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.5], 'line-dasharray': [3, 1.5] },
    },
    label('waterway-name', 'waterway', 13, 'NotoSans-Italic', 12, C.waterLabel, { 'symbol-placement': 'line', 'text-letter-spacing': 0.1 }),
    label('water-name', 'water_name', 11, 'NotoSans-Italic', 13, C.waterLabel, { 'text-letter-spacing': 0.1 }),
    label('road-name', 'transportation_name', 13, 'NotoSans-Regular', ['interpolate', ['linear'], ['zoom'], 13, 10, 17, 13], C.roadLabel, {
      'symbol-placement': 'line', 'text-rotation-alignment': 'map', 'text-padding': 4,
    }),
    label('poi', 'poi', 16, 'NotoSans-Regular', 11, '#75695c', { 'text-padding': 6 }, ['<=', ['coalesce', ['get', 'rank'], 99], 20]),
    label('housenumber', 'housenumber', 17, 'NotoSans-Regular', 10, '#9a918a', { 'text-field': ['get', 'housenumber'] }),
    label('place-minor', 'place', 12, 'NotoSans-Medium', ['interpolate', ['linear'], ['zoom'], 12, 11, 16, 14], '#55524c',
      { 'text-transform': 'uppercase', 'text-letter-spacing': 0.08 }, isClass('suburb', 'quarter', 'neighbourhood', 'hamlet', 'isolated_dwelling')),
    label('place-town', 'place', 6, 'NotoSans-Medium', ['interpolate', ['linear'], ['zoom'], 6, 11, 14, 18], C.label,
      {}, isClass('city', 'town', 'village')),
  ];
}

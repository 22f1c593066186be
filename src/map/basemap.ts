// Basemap styles. Every style CityLens shows starts with the offline backdrop: Natural Earth
// land (world-atlas, prepared as GeoJSON into vendor/ at build time by
// scripts/basemap/backdrop.mjs: 1:110m for the world, 1:10m in the dashboard's extent) over a
// sea-coloured background. It needs no network and no tiles, so where a basemap has no tiles (outside a
// city archive, offline, a server error) the map is never blank. A basemap's own layers
// draw over it; its background layer is dropped and its colours tint the backdrop instead.
import type { BackgroundLayerSpecification, FillLayerSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { BasemapEntry } from '../config/schema';
import { openPmtiles } from './pmtiles-source';
import { BACKDROP_PALETTE, type BasemapPalette } from './styles/palette';
import { PROTOMAPS_LIGHT, protomapsLayers } from './styles/protomaps';
import { OMT_LIGHT, openMapTilesLayers } from './styles/openmaptiles';
import { t } from '../i18n';

export const NO_BASEMAP = 'none';
const BACKDROP_IDS = ['citylens-sea', 'citylens-land', 'citylens-detail-sea', 'citylens-detail-land', 'citylens-coast'];
/** From this zoom an OpenMapTiles archive's box is land: streets, not the coarse coast, then. */
const STREET_MINZOOM = 13;
/** Below this zoom the 1:110m land alone; from it, 1:10m inside the dashboard's extent. */
const DETAIL_MINZOOM = 7;

/** Our glyph PBFs (scripts/basemap/glyphs.mjs); braces stay literal for MapLibre's template. */
export const glyphsUrl = (baseUrl: string) => `${baseUrl}vendor/glyphs/{fontstack}/{range}.pbf`;

export function backdropStyle(baseUrl: string, palette: BasemapPalette = BACKDROP_PALETTE): StyleSpecification {
  return {
    version: 8,
    name: 'CityLens backdrop',
    glyphs: glyphsUrl(baseUrl),
    sources: {
      'citylens-land': {
        type: 'geojson',
        data: new URL('vendor/land-110m.geojson', baseUrl).href,
        attribution: t('basemap.naturalEarth'),
      },
      // The extent as a "sea" box, and the 1:10m land inside it.
      'citylens-detail': {
        type: 'geojson',
        data: new URL('vendor/land-detail.geojson', baseUrl).href,
        attribution: t('basemap.naturalEarth'),
      },
    },
    layers: [
      { id: BACKDROP_IDS[0], type: 'background', paint: { 'background-color': palette.water } },
      { id: BACKDROP_IDS[1], type: 'fill', source: 'citylens-land', paint: { 'fill-color': palette.land } },
      { id: BACKDROP_IDS[2], type: 'fill', source: 'citylens-detail', minzoom: DETAIL_MINZOOM, filter: ['==', ['get', 'kind'], 'sea'], paint: { 'fill-color': palette.water } },
      { id: BACKDROP_IDS[3], type: 'fill', source: 'citylens-detail', minzoom: DETAIL_MINZOOM, filter: ['==', ['get', 'kind'], 'land'], paint: { 'fill-color': palette.land } },
      // The coast of the 1:110m land only where it is all there is (the detail is cut at its box).
      { id: BACKDROP_IDS[4], type: 'line', source: 'citylens-land', maxzoom: DETAIL_MINZOOM, paint: { 'line-color': palette.coast, 'line-width': 0.8 } },
    ],
  };
}

export interface LoadedBasemap {
  style: StyleSpecification;
  /** Where the basemap has tiles (PMTiles archives), to bring a distant view to it. */
  bounds?: [number, number, number, number];
}

/** The style for a configured basemap; rejects (with a message naming it) when it cannot load. */
export async function loadBasemapStyle(entry: BasemapEntry, baseUrl: string): Promise<LoadedBasemap> {
  const url = new URL(entry.url, baseUrl).href;
  if (entry.kind === 'pmtiles') {
    const header = await openPmtiles(url).getHeader().catch((err: Error) => {
      throw new Error(`${entry.title}: ${err.message}`);
    });
    const bounds: [number, number, number, number] = [header.minLon, header.minLat, header.maxLon, header.maxLat];
    const source: SourceSpecification = {
      type: 'vector',
      tiles: [`pmtiles://${url}/{z}/{x}/{y}`],
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      bounds,
      ...(entry.attribution ? { attribution: entry.attribution } : {}),
    };
    const protomaps = entry.schema === 'protomaps-v2023';
    const palette = protomaps ? PROTOMAPS_LIGHT : OMT_LIGHT;
    const backdrop = backdropStyle(baseUrl, palette);
    const sources: StyleSpecification['sources'] = { ...backdrop.sources, basemap: source };
    const layers = [...backdrop.layers];
    if (protomaps) layers.push(...protomapsLayers('basemap'));
    else {
      // OpenMapTiles tiles from tilemaker have no land polygons (the coastline needs a
      // shapefile), so land would be Natural Earth's outline: close up, even the 1:10m one
      // leaves sea-coloured holes between streets. From street zooms on, land-colour the
      // archive's box; below them the 1:10m coast shows (Manhattan an island at zoom 10–12).
      sources['citylens-extent'] = { type: 'geojson', data: boxPolygon(bounds) };
      layers.push({ id: 'citylens-extent', type: 'fill', source: 'citylens-extent', minzoom: STREET_MINZOOM, paint: { 'fill-color': palette.land } });
      layers.push(...openMapTilesLayers(palette));
    }
    return { style: { ...backdrop, name: entry.title, sources, layers }, bounds };
  }
  const res = await fetch(url).catch(() => null);
  if (!res?.ok) throw new Error(res ? t('basemap.styleHttp', { title: entry.title, status: String(res.status) }) : t('basemap.styleOffline', { title: entry.title }));
  const style = (await res.json()) as StyleSpecification;
  return { style: overBackdrop(style, entry, url, baseUrl) };
}

/** A style from elsewhere, drawn over the backdrop, with its relative URLs made absolute. */
function overBackdrop(style: StyleSpecification, entry: BasemapEntry, styleUrl: string, baseUrl: string): StyleSpecification {
  // Relative to the style; braces of URL templates ({z}, {fontstack}) stay literal.
  const abs = (u: string) =>
    /^[a-z][a-z0-9+.-]*:/i.test(u) ? u : new URL(u, styleUrl).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  const background = style.layers.find((l): l is BackgroundLayerSpecification => l.type === 'background');
  const water = style.layers.find((l): l is FillLayerSpecification => l.id === 'water' && l.type === 'fill');
  const colour = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const palette: BasemapPalette = {
    land: colour(background?.paint?.['background-color'], BACKDROP_PALETTE.land),
    water: colour(water?.paint?.['fill-color'], BACKDROP_PALETTE.water),
    coast: colour(water?.paint?.['fill-color'], BACKDROP_PALETTE.coast),
  };
  const backdrop = backdropStyle(baseUrl, palette);
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, s] of Object.entries(style.sources)) {
    const src = { ...s } as SourceSpecification & { url?: string; tiles?: string[]; attribution?: string };
    if (src.url) src.url = abs(src.url);
    if (src.tiles) src.tiles = src.tiles.map(abs);
    if (entry.attribution && (src.type === 'vector' || src.type === 'raster')) src.attribution = entry.attribution;
    sources[id] = src;
  }
  const { center: _c, zoom: _z, bearing: _b, pitch: _p, ...rest } = style;
  return {
    ...rest,
    glyphs: style.glyphs ? abs(style.glyphs) : backdrop.glyphs,
    ...(typeof style.sprite === 'string' ? { sprite: abs(style.sprite) } : {}),
    sources: { ...backdrop.sources, ...sources },
    layers: [...backdrop.layers, ...style.layers.filter((l: LayerSpecification) => l.type !== 'background')],
  };
}

function boxPolygon([w, s, e, n]: [number, number, number, number]): GeoJSON.Feature<GeoJSON.Polygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
}

export function containsPoint(bounds: [number, number, number, number], [lon, lat]: [number, number]): boolean {
  return lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
}

// The map: MapLibre draws the basemap, deck.gl draws data layers interleaved into it
// (so basemap labels can sit above data). The component only renders what it is given.
import { useEffect, useRef } from 'react';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, LayerProps, PickingInfo } from '@deck.gl/core';
import maplibregl, { type MapLibreMap } from './maplibre';
import { DATA_SLOT, labelsOverData } from './data-slot';
import { createBaseMap } from './base-map';
import { applyBasemap } from './basemap-apply';
import type { BasemapChoice } from './basemap-choice';
import type { PublishedLayer } from '../config/published';
import { canEditStyle, drawsPublished, putPublished, whenPublishedDrawn } from './published-source';
import { t } from '../i18n';

/** @deck.gl/mapbox's interleaving prop (its LayerOverlayProps, which it does not export): draw before this map layer. */
const UNDER_LABELS: Partial<LayerProps> & { beforeId: string } = { beforeId: DATA_SLOT };

export interface MapViewProps {
  baseUrl: string;
  /** The view the map opens with; later views go through the map's own API. */
  center: [number, number];
  zoom: number;
  bearing?: number;
  pitch?: number;
  layers: Layer[];
  /** Called after each deck.gl frame; the app uses it to time the first drawn points. */
  onAfterRender?: () => void;
  onMap?: (map: MapLibreMap) => void;
  /** Tooltip text for a picked object (deck.gl renders `text` as text, never HTML). */
  tooltip?: (info: PickingInfo) => string | null;
  onPick?: (info: PickingInfo) => void;
  /** The basemap drawn over the Natural Earth backdrop (useBasemapChoice); none: backdrop only. */
  basemap?: BasemapChoice;
  /** Published layers drawn by MapLibre while their live layers are not ready (first on top). */
  published?: readonly PublishedLayer[];
  /** Called after the first frame that drew published layers. */
  onPublishedDrawn?: () => void;
}

const NONE: readonly PublishedLayer[] = [];

export function MapView({ baseUrl, center, zoom, bearing, pitch, layers, onAfterRender, onMap, tooltip, onPick, basemap, published = NONE, onPublishedDrawn }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const basemapStatus = useRef(basemap?.onStatus);
  basemapStatus.current = basemap?.onStatus;
  const overlay = useRef<MapboxOverlay | null>(null);
  const afterRender = useRef(onAfterRender);
  afterRender.current = onAfterRender;
  const tooltipRef = useRef(tooltip);
  tooltipRef.current = tooltip;
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const publishedRef = useRef(published);
  publishedRef.current = published;
  const publishedDrawn = useRef(onPublishedDrawn);
  publishedDrawn.current = onPublishedDrawn;

  useEffect(() => {
    // The view rides in the link through the app's one URL codec (src/config/url-state.ts).
    const map = createBaseMap({
      container: container.current!, baseUrl, center, zoom, bearing, pitch, title: t('map.label'),
      compactAttribution: false, antialias: true, published: () => publishedRef.current,
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const deck = new MapboxOverlay({
      interleaved: true,
      layers: [],
      onAfterRender: () => afterRender.current?.(),
      getTooltip: (info: PickingInfo) => {
        const text = info.picked ? tooltipRef.current?.(info) : null;
        return text ? { text } : null;
      },
      onClick: (info: PickingInfo) => pickRef.current?.(info),
    });
    map.addControl(deck);
    // For tests and styling: whether the basemap's labels are drawn over the data layers.
    const markOrder = () => {
      if (map.isStyleLoaded()) map.getContainer().dataset.labelsOverData = labelsOverData(map);
    };
    map.on('styledata', markOrder);
    map.on('idle', markOrder);
    overlay.current = deck;
    mapRef.current = map;
    onMap?.(map);
    return () => {
      overlay.current = null;
      mapRef.current = null;
      map.remove();
    };
    // The map is created once; view changes go through the map's own API.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [baseUrl]);

  useEffect(() => {
    // Every layer goes under the basemap's labels (see data-slot.ts).
    overlay.current?.setProps({ layers: layers.map((l) => l.clone(UNDER_LABELS)) });
    // In the same task: deck.gl builds the new layers' attributes in setProps, so the next
    // frame draws the live layer and no longer the published one, with no frame between.
    const map = mapRef.current;
    if (map && canEditStyle(map) && !drawsPublished(map, published)) putPublished(map, published);
  }, [layers, published]);

  // The first frame with published layers (put in with the style when it is not in yet).
  const hasPublished = published.length > 0;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !hasPublished) return;
    if (canEditStyle(map) && !drawsPublished(map, publishedRef.current)) putPublished(map, publishedRef.current);
    return whenPublishedDrawn(map, () => publishedDrawn.current?.());
  }, [hasPublished]);

  const [basemapEntry, basemapExplicit, hasBasemap] = [basemap?.entry ?? null, basemap?.explicit ?? false, !!basemap];
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !hasBasemap) return;
    return applyBasemap(map, { entry: basemapEntry, explicit: basemapExplicit, baseUrl, onStatus: (s) => basemapStatus.current?.(s) });
  }, [basemapEntry, basemapExplicit, hasBasemap, baseUrl]);

  return <div ref={container} className="map" role="region" aria-label={t('map.label')} tabIndex={0} />;
}

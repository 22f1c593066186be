// The map: MapLibre draws the basemap, deck.gl draws data layers interleaved into it
// (so basemap labels can sit above data). The component only renders what it is given.
import { useEffect, useRef } from 'react';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import maplibregl, { type MapLibreMap } from './maplibre';
import { backdropStyle } from './basemap';

export interface MapViewProps {
  baseUrl: string;
  center: [number, number];
  zoom: number;
  layers: Layer[];
  /** Called after each deck.gl frame; the app uses it to time the first drawn points. */
  onAfterRender?: () => void;
  onMap?: (map: MapLibreMap) => void;
}

export function MapView({ baseUrl, center, zoom, layers, onAfterRender, onMap }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay | null>(null);
  const afterRender = useRef(onAfterRender);
  afterRender.current = onAfterRender;

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: backdropStyle(baseUrl),
      center,
      zoom,
      attributionControl: { compact: false },
      canvasContextAttributes: { antialias: true },
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const deck = new MapboxOverlay({ interleaved: true, layers: [], onAfterRender: () => afterRender.current?.() });
    map.addControl(deck);
    overlay.current = deck;
    onMap?.(map);
    return () => {
      overlay.current = null;
      map.remove();
    };
    // The map is created once; view changes go through the map's own API.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [baseUrl]);

  useEffect(() => {
    overlay.current?.setProps({ layers });
  }, [layers]);

  return <div ref={container} className="map" role="region" aria-label="Map" tabIndex={0} />;
}

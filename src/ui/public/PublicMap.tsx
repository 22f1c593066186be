// The citizen view's map: MapLibre alone (no deck.gl, no engine), the published layers as
// GeoJSON fill layers (src/map/published-source.ts), under the basemap's labels.
// A basemap swap replaces the style, so the data layers are put back whenever it drops them.
import { useEffect, useRef } from 'react';
import maplibregl, { type MapLibreMap } from '../../map/maplibre';
import { createBaseMap } from '../../map/base-map';
import { applyBasemap } from '../../map/basemap-apply';
import type { PublishedLayer } from '../../config/published';
import { putPublished } from '../../map/published-source';
import type { BasemapEntry } from '../../config/schema';
import type { View } from '../../config/view';
import { formatView } from '../../config/url-state';

export interface PublicMapProps {
  baseUrl: string;
  view: View;
  layers: readonly PublishedLayer[];
  basemap: BasemapEntry | null;
  /** The canvas's accessible name: what it shows and how to move it. */
  label: string;
  /** Called once the published layers have drawn (the first-draw mark). */
  onDrawn?: () => void;
  /** The map once made, and null when it goes (a before/after pair syncs its two views). */
  onMap?: (map: MapLibreMap | null) => void;
}

export function PublicMap({ baseUrl, view, layers, basemap, label, onDrawn, onMap }: PublicMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const layersRef = useRef(layers);
  layersRef.current = layers;
  const labelRef = useRef(label);
  labelRef.current = label;
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  const made = useRef(onMap);
  made.current = onMap;

  useEffect(() => {
    const map = createBaseMap({
      container: container.current!, baseUrl, center: view.center, zoom: view.zoom, title: labelRef.current,
      compactAttribution: true, published: () => layersRef.current,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // For tests, as in the analyst view: the view the map settled on, as a link writes it.
    const settle = () => {
      const c = map.getCenter();
      map.getContainer().dataset.view = formatView({ center: [c.lng, c.lat], zoom: map.getZoom() });
    };
    map.once('load', settle);
    map.on('moveend', settle);
    mapRef.current = map;
    made.current?.(map);
    return () => {
      mapRef.current = null;
      made.current?.(null);
      map.remove();
    };
    // The map is made once; views and layers go through its API below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [baseUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    return applyBasemap(map, { entry: basemap, explicit: false, baseUrl });
  }, [basemap, baseUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const put = () => {
      putPublished(map, layers);
      if (layers.length) map.once('idle', () => drawn.current?.());
    };
    if (map.isStyleLoaded()) put();
    else map.once('idle', put);
  }, [layers]);

  // The canvas is the map's one tab stop (MapLibre gives it tabindex and role); it says the step.
  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', label);
  }, [label]);

  useEffect(() => {
    mapRef.current?.easeTo({ center: view.center, zoom: view.zoom, duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 600 });
  }, [view]);

  return <div ref={container} className="public-map" />;
}

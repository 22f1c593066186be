// Puts a chosen basemap on the map: the backdrop stays while the basemap's style loads;
// if it cannot load (archive missing, offline, blocked), the backdrop alone remains and
// the failure is reported to the picker. The map's container carries
// data-basemap / data-basemap-status for tests and for styling.
import type { MapLibreMap } from './maplibre';
import type { BasemapEntry } from '../config/schema';
import { NO_BASEMAP, backdropStyle, containsPoint, loadBasemapStyle, type LoadedBasemap } from './basemap';
import { withDataSlot } from './data-slot';
import { keepPublished } from './published-source';

export interface BasemapStatus {
  id: string;
  state: 'loading' | 'ready' | 'failed';
  message?: string;
}

export function applyBasemap(
  map: MapLibreMap,
  o: { entry: BasemapEntry | null; explicit: boolean; baseUrl: string; onStatus?: (s: BasemapStatus) => void },
): () => void {
  let cancelled = false;
  const id = o.entry?.id ?? NO_BASEMAP;
  const report = (state: BasemapStatus['state'], message?: string) => {
    if (cancelled) return;
    Object.assign(map.getContainer().dataset, { basemap: id, basemapStatus: state });
    o.onStatus?.({ id, state, message });
  };
  report('loading');
  const loading: Promise<LoadedBasemap> = o.entry ? loadBasemapStyle(o.entry, o.baseUrl) : Promise.resolve({ style: backdropStyle(o.baseUrl) });
  loading
    .then(({ style, bounds }) => {
      if (cancelled) return;
      map.setStyle(withDataSlot(style), { transformStyle: keepPublished });
      // Someone picked a city archive while looking elsewhere: take them to it.
      if (o.explicit && bounds && !containsPoint(bounds, map.getCenter().toArray())) {
        map.fitBounds(bounds, { padding: 40, maxZoom: 15, duration: 0 });
      }
      map.once('idle', () => report('ready'));
      map.triggerRepaint();
    })
    .catch((err: Error) => {
      if (cancelled) return;
      map.setStyle(withDataSlot(backdropStyle(o.baseUrl)), { transformStyle: keepPublished });
      // Reported once the backdrop has drawn, like 'ready'.
      map.once('idle', () => report('failed', err.message));
      map.triggerRepaint();
    });
  return () => {
    cancelled = true;
  };
}

// A before/after step (issue 14): on wide screens the two sides side by side, two maps whose
// views follow each other; on phones one map and a "Before | After" toggle (two buttons,
// 44 px, pressed state announced). Both sides were published under one colour scale, so the
// one legend below reads for both.
import { useEffect, useState } from 'react';
import type { MapLibreMap } from '../../map/maplibre';
import type { PublishedLayer } from '../../config/published';
import type { BasemapEntry } from '../../config/schema';
import type { SideName } from '../../config/side-window';
import type { View } from '../../config/view';
import { useT } from '../../i18n';
import { PublicMap } from './PublicMap';

const SIDES: readonly SideName[] = ['before', 'after'];

/** True while the viewport is at least `query` wide (the layout's breakpoint). */
function useMedia(query: string): boolean {
  const [match, setMatch] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const m = matchMedia(query);
    const on = () => setMatch(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return match;
}

/** Each map follows the other's moves; the lock keeps a follow from echoing back. */
function useSyncedViews(a: MapLibreMap | null, b: MapLibreMap | null): void {
  useEffect(() => {
    if (!a || !b) return;
    let lock = false;
    const follow = (from: MapLibreMap, to: MapLibreMap) => () => {
      if (lock) return;
      lock = true;
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
      lock = false;
    };
    const ab = follow(a, b), ba = follow(b, a);
    a.on('move', ab);
    b.on('move', ba);
    return () => {
      a.off('move', ab);
      b.off('move', ba);
    };
  }, [a, b]);
}

export interface PublicCompareProps {
  baseUrl: string;
  view: View;
  basemap: BasemapEntry | null;
  title: string;
  sides: Record<SideName, { label: string; layers: PublishedLayer[] }>;
  onDrawn?: () => void;
}

export function PublicCompare({ baseUrl, view, basemap, title, sides, onDrawn }: PublicCompareProps) {
  const t = useT();
  const wide = useMedia('(min-width: 900px)');
  const [shown, setShown] = useState<SideName>('before');
  const [maps, setMaps] = useState<Record<SideName, MapLibreMap | null>>({ before: null, after: null });
  useSyncedViews(wide ? maps.before : null, wide ? maps.after : null);
  const map = (side: SideName) => (
    <figure className="compare-side" data-side={side} key={wide ? side : 'one'}>
      <figcaption>{sides[side].label}</figcaption>
      <PublicMap baseUrl={baseUrl} view={view} layers={sides[side].layers} basemap={basemap}
        label={t('public.compare.mapLabel', { side: sides[side].label, title })} onDrawn={onDrawn}
        onMap={(m) => setMaps((all) => (all[side] === m ? all : { ...all, [side]: m }))} />
    </figure>
  );
  return (
    <section className="public-compare" data-layout={wide ? 'side-by-side' : 'toggle'}>
      {!wide && (
        <div className="compare-toggle" role="group" aria-label={t('public.compare.choose')}>
          {SIDES.map((side) => (
            <button key={side} type="button" aria-pressed={shown === side} onClick={() => setShown(side)}>{sides[side].label}</button>
          ))}
        </div>
      )}
      <div className="compare-maps">{wide ? SIDES.map(map) : map(shown)}</div>
      <p className="compare-scale">{t('public.compare.sameScale')}</p>
    </section>
  );
}

// The page URL follows the dashboard's state through the one codec (src/config/url-state.ts):
// a change of layers, basemap or datasets is a new history entry (back undoes it), a pan or
// zoom replaces the current one, so back and forward move through meaningful states. On
// back/forward the state the URL holds is put back.
import { useEffect, useMemo, useRef } from 'react';
import type { DashboardConfig } from '../config/dashboard';
import type { LayerSpec } from '../config/layer';
import { readLink, writeLink, type LinkSource, type LinkState, type PageState } from '../config/url-state';
import type { Annotation } from '../config/annotations';
import type { View } from '../config/view';
import type { TimeStates } from '../config/time-state';
import type { DatasetInfo } from '../engine/protocol';
import { NO_BASEMAP } from '../map/basemap';
import { suggestLayers } from '../map/suggest';

/**
 * The layers a dataset brings when it loads: the config's layers over it whose other
 * datasets (a districts layer's polygons) are loaded too, else suggestions.
 */
export function layersFor(info: DatasetInfo, configLayers: readonly LayerSpec[], taken: Iterable<string>, loaded: ReadonlySet<string> = new Set()): LayerSpec[] {
  const ready = (l: LayerSpec) => l.kind !== 'districts' || l.districts === info.id || loaded.has(l.districts);
  const configured = configLayers.filter((l) => l.dataset === info.id && ready(l));
  return configured.length ? configured : suggestLayers(info, taken);
}

/** The layers the dashboard shows for `datasets` without a link: each load's layers, newest on top. */
export function baseLayers(datasets: readonly DatasetInfo[], configLayers: readonly LayerSpec[] = []): LayerSpec[] {
  let specs: LayerSpec[] = [];
  const loaded = new Set<string>();
  for (const d of datasets) {
    loaded.add(d.id);
    specs = [...layersFor(d, configLayers, specs.map((s) => s.id), loaded), ...specs];
  }
  return specs;
}

/** What the page is without a link. */
export function basePage(config: DashboardConfig, datasets: readonly DatasetInfo[]): PageState {
  return {
    view: config.view,
    basemap: config.basemap.default ?? NO_BASEMAP,
    sources: config.load.map((entry) => ({ entry })),
    layers: baseLayers(datasets, config.layers),
  };
}

/** Changes closer together than this are one history entry. */
const PUSH_GAP_MS = 1000;

/** The hash without its view: what tells a new history entry from a moved map. */
const withoutView = (hash: string) => hash.replace(/^#/, '').split('&').filter((p) => !p.startsWith('map=')).join('&');

export interface LinkInput {
  /** False until the link the page opened with is restored: writing earlier would overwrite it. */
  enabled: boolean;
  config: DashboardConfig | null;
  datasets: DatasetInfo[];
  sources: Record<string, LinkSource>;
  view: View | null;
  basemap: string;
  specs: LayerSpec[];
  /** Time states by dataset id, and the config's (what they are without a link). */
  time?: TimeStates;
  baseTime?: TimeStates;
  annotations?: Annotation[];
  /** Told whether the link holds the annotations (false once they would make it too long). */
  onAnnotationsFit?: (fits: boolean) => void;
  /** Back or forward: put this state back. */
  onPop: (link: LinkState) => void;
}

/** Keeps the URL in step with the state; returns the page's state of now (for exports). */
export function useLink({ enabled, config, datasets, sources, view, basemap, specs, time, baseTime, annotations, onAnnotationsFit, onPop }: LinkInput): PageState | null {
  const popRef = useRef(onPop);
  popRef.current = onPop;
  const fitRef = useRef(onAnnotationsFit);
  fitRef.current = onAnnotationsFit;
  const first = useRef(true);
  const lastPush = useRef(0);
  const page = useMemo(
    () =>
      config && view
        ? {
            base: { ...basePage(config, datasets), time: baseTime },
            state: { view, basemap, layers: specs, annotations, sources: datasets.flatMap((d) => (sources[d.id] ? [sources[d.id]] : [])), time },
          }
        : null,
    [config, datasets, sources, view, basemap, specs, time, baseTime, annotations],
  );

  useEffect(() => {
    if (!enabled || !page) return;
    let stale = false;
    void writeLink(location.href, page.state, page.base).then(({ href, annotationsLeftOut }) => {
      if (stale) return;
      fitRef.current?.(!annotationsLeftOut);
      // The first write rewrites the opening link (an old form, or rounding): no new entry.
      // A slider dragged is one step back, not one per value it passed.
      const changed = withoutView(new URL(href).hash) !== withoutView(location.hash);
      const push = !first.current && changed && performance.now() - lastPush.current > PUSH_GAP_MS;
      first.current = false;
      if (href === location.href) return;
      if (changed) lastPush.current = performance.now();
      if (push) history.pushState(null, '', href);
      else history.replaceState(history.state, '', href);
    });
    return () => {
      stale = true;
    };
  }, [enabled, page]);

  useEffect(() => {
    const pop = () => void readLink(location.href).then(({ link }) => popRef.current(link));
    window.addEventListener('popstate', pop);
    return () => window.removeEventListener('popstate', pop);
  }, []);
  return page?.state ?? null;
}

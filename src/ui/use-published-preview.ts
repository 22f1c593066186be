// The analyst view's first frame (issue 14): while DuckDB starts and loads the data, each
// visible aggregate layer of the config is drawn from the file publish wrote for it (if it
// is there and not stale), with the published scale, until its live layer is drawn. A
// layer leaves the preview in the same render its live deck.gl layer comes in, so MapView
// swaps them in one task (no frame without either), and never comes back.
import { useEffect, useMemo, useRef, useState } from 'react';
import { isAggregateLayer, type LayerSpec } from '../config/layer';
import type { PublishedLayer } from '../config/published';
import type { RenderedLayer } from '../map/render-layers';
import type { DashboardState } from './use-dashboard';
import type { LayerDataState } from './use-layer-data';
import { readPublished } from './public/published-data';

/** The config's layers a first frame can show: visible aggregates of the datasets it loads. */
export function previewable(state: DashboardState): LayerSpec[] {
  const { config, link } = state;
  // A link with its own datasets, layer changes or time state shows something else than the config's view.
  if (!config || !link || link.sources || link.layers || link.time) return [];
  const loads = new Set(config.load);
  return config.layers.filter((l) => l.visible && isAggregateLayer(l) && loads.has(l.dataset) && (l.kind !== 'districts' || loads.has(l.districts)));
}

export function usePublishedPreview(
  state: DashboardState,
  rendered: readonly RenderedLayer[],
  layerData: Readonly<Record<string, LayerDataState>>,
): readonly PublishedLayer[] {
  const [files, setFiles] = useState<Record<string, PublishedLayer>>({});
  const candidates = useMemo(() => previewable(state), [state]);
  const ids = candidates.map((l) => l.id).join('\n');
  const published = state.published;
  const config = state.config;
  useEffect(() => {
    if (!published?.manifest || !config) return;
    let cancelled = false;
    for (const spec of candidates) {
      void readPublished(published.configUrl, published.manifest, spec, config).then((s) => {
        // Hot spots and comparisons have their own legend, drawn from the live analysis.
        if (!cancelled && s.ok && !s.layer.analysis) setFiles((f) => ({ ...f, [spec.id]: s.layer }));
      });
    }
    return () => {
      cancelled = true;
    };
    // `ids` stands for the candidates: the state object changes far more often than they do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [published, config, ids]);

  // Layers whose live layer has been drawn (or failed, or was changed): never previewed again.
  const retired = useRef(new Set<string>());
  const last = useRef<readonly PublishedLayer[]>(NONE);
  return useMemo(() => {
    const shown = previewShown(candidates, files, state.specs, state.restored, rendered, layerData, retired.current);
    // The same layers keep the same array, so the map is not asked again.
    const same = shown.length === last.current.length && shown.every((l, i) => l === last.current[i]);
    if (!same) last.current = shown.length ? shown : NONE;
    return last.current;
  }, [candidates, files, state.specs, state.restored, rendered, layerData]);
}

const NONE: readonly PublishedLayer[] = [];

/**
 * The published layers to draw now, top first; adds to `retired` each layer that has left
 * the preview for good: its live layer is drawn, failed or was changed (the loaded spec is
 * the config's own object until someone changes it), or its dataset never came.
 */
export function previewShown(
  candidates: readonly LayerSpec[],
  files: Readonly<Record<string, PublishedLayer>>,
  specs: readonly LayerSpec[],
  restored: boolean,
  rendered: readonly RenderedLayer[],
  layerData: Readonly<Record<string, LayerDataState>>,
  retired: Set<string>,
): PublishedLayer[] {
  const shown: PublishedLayer[] = [];
  for (const config of candidates) {
    const file = files[config.id];
    if (!file || retired.has(config.id)) continue;
    const spec = specs.find((s) => s.id === config.id);
    const live = rendered.some((r) => r.spec.id === config.id && r.layers.length > 0);
    const gone = spec ? spec !== config || live || !!layerData[config.id]?.error : restored;
    if (gone) retired.add(config.id);
    else shown.push(file);
  }
  return shown;
}

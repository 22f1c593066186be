// The dashboard's rendered layers, redrawn only where a spec or its data changed
// (src/map/render-layers.ts). The scale object is shared with the legend.
import { useMemo, useRef } from 'react';
import { renderLayers, type RenderedLayer } from '../map/render-layers';
import type { LayerSpec } from '../config/layer';
import type { LayerDataState } from './use-layer-data';

/** Rendered layers for the specs that have data; unchanged layers keep their objects. */
export function useDeckLayers(specs: LayerSpec[], data: Record<string, LayerDataState>): readonly RenderedLayer[] {
  const previous = useRef<readonly RenderedLayer[]>([]);
  // Running twice (React's strict mode) is harmless: the second run reuses the first's entries.
  return useMemo(() => (previous.current = renderLayers(specs, data, previous.current)), [specs, data]);
}

// The dashboard's rendered layers, redrawn only where a spec or its data changed
// (src/map/render-layers.ts). The scale object is shared with the legend.
import { useMemo, useRef } from 'react';
import { renderLayers, type FixedScales, type RenderedLayer } from '../map/render-layers';
import type { LayerSpec } from '../config/layer';
import type { LayerDataState } from './use-layer-data';

/** Rendered layers for the specs that have data; unchanged layers keep their objects. */
const NONE: FixedScales = {};

/** `fixed`: scales that layers are drawn with instead of their own (a playback's). */
export function useDeckLayers(specs: LayerSpec[], data: Record<string, LayerDataState>, fixed: FixedScales = NONE): readonly RenderedLayer[] {
  const previous = useRef<readonly RenderedLayer[]>([]);
  // Running twice (React's strict mode) is harmless: the second run reuses the first's entries.
  return useMemo(() => (previous.current = renderLayers(specs, data, previous.current, fixed)), [specs, data, fixed]);
}

// Specs + fetched data → colour scales and deck.gl layers, recomputed only when a spec
// or its data changes. The scale object is shared with the legend.
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { colourScale, scaleFromParts, type ColourScale } from '../scales/colour';
import { deckLayers, measureValues, type LayerData } from '../map/deck-layers';
import type { LayerSpec } from '../map/layer-spec';
import type { LayerDataState } from './use-layer-data';

export interface RenderedLayer {
  spec: LayerSpec;
  data: LayerData;
  scale: ColourScale | null;
  layers: Layer[];
}

export function useDeckLayers(specs: LayerSpec[], data: Record<string, LayerDataState>): RenderedLayer[] {
  return useMemo(() => {
    const out: RenderedLayer[] = [];
    for (const spec of specs) {
      const d = data[spec.id]?.data;
      if (!d) continue;
      const values = measureValues(spec, d);
      const scale = values
        ? colourScale(values, {
            scheme: spec.scheme,
            classification: spec.classification,
            classes: spec.classes,
            domain: spec.domain,
          })
        : d.kind === 'points' && d.marks.scale
          ? scaleFromParts(d.marks.scale)
          : null;
      out.push({ spec, data: d, scale, layers: deckLayers(spec, d, scale) });
    }
    return out;
  }, [specs, data]);
}

// Specs + fetched data → colour scales and deck.gl layers, one layer at a time. Redrawing
// reuses every layer whose spec and data are the same objects as last time, so a change to
// one layer's settings recomputes that layer's colours and uploads its attributes, and
// nothing else (deck.gl's CPU aggregator keeps its bins the same way).
import type { Layer } from '@deck.gl/core';
import { colourScale, scaleFromParts, type ColourScale } from '../scales/colour';
import { changeScale, classScale } from '../scales/significance';
import { isClassedLayer, type LayerSpec } from '../config/layer';
import { deckLayers, measureValues, type LayerData } from './deck-layers';

/** One layer as drawn: its spec and data, the scale its legend reads, its deck.gl layers. */
export interface RenderedLayer {
  spec: LayerSpec;
  data: LayerData;
  scale: ColourScale | null;
  layers: Layer[];
}

/** Draws one layer: the colour scale of its values (or the worker's, for styled points) and its deck.gl layers. */
export function renderLayer(spec: LayerSpec, data: LayerData): RenderedLayer {
  const values = measureValues(spec, data);
  const analysis = data.kind === 'cells' || data.kind === 'areas' ? data.analysis : null;
  const scale = analysis && values
    ? analysis.kind === 'hotspots' ? classScale('hotspots') : changeScale(values)
    : values && isClassedLayer(spec)
      ? colourScale(values, { scheme: spec.scheme, classification: spec.classification, classes: spec.classes, domain: spec.domain })
      : data.kind === 'points' && data.marks.scale
        ? scaleFromParts(data.marks.scale)
        : null;
  return { spec, data, scale, layers: deckLayers(spec, data, scale) };
}

/**
 * The layers of `specs` that have data, in order. An entry of `previous` whose spec and data
 * are the same objects is reused as it is; when every entry is reused in the same order,
 * `previous` itself comes back.
 */
export function renderLayers(
  specs: readonly LayerSpec[],
  data: Readonly<Record<string, { data?: LayerData } | undefined>>,
  previous: readonly RenderedLayer[],
): readonly RenderedLayer[] {
  const before = new Map(previous.map((r) => [r.spec.id, r]));
  const out: RenderedLayer[] = [];
  for (const spec of specs) {
    const d = data[spec.id]?.data;
    if (!d) continue;
    const old = before.get(spec.id);
    out.push(old && old.spec === spec && old.data === d ? old : renderLayer(spec, d));
  }
  const same = out.length === previous.length && out.every((r, i) => r === previous[i]);
  return same ? previous : out;
}

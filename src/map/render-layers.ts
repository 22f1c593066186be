// Specs + fetched data → colour scales and deck.gl layers, one layer at a time. Redrawing
// reuses every layer whose spec and data are the same objects as last time, so a change to
// one layer's settings recomputes that layer's colours and uploads its attributes, and
// nothing else (deck.gl's CPU aggregator keeps its bins the same way).
import type { Layer } from '@deck.gl/core';
import type { ColourScale, ScaleParts } from '../scales/colour';
import type { LayerSpec } from '../config/layer';
import { deckLayers, type LayerData } from './deck-layers';
import { layerScale } from './layer-scale';

/** One layer as drawn: its spec and data, the scale its legend reads, its deck.gl layers. */
export interface RenderedLayer {
  spec: LayerSpec;
  data: LayerData;
  scale: ColourScale | null;
  layers: Layer[];
  /** The fixed scale it was drawn with, if any (a playback's). */
  fixed?: ScaleParts | null;
}

/** Fixed scales by layer id (a playback's: one scale over every frame). */
export type FixedScales = Readonly<Record<string, ScaleParts | undefined>>;

/** Draws one layer: the colour scale of its values (or the worker's, for styled points) and its deck.gl layers. */
export function renderLayer(spec: LayerSpec, data: LayerData, fixed?: ScaleParts | null): RenderedLayer {
  const scale = layerScale(spec, data, fixed);
  return { spec, data, scale, layers: deckLayers(spec, data, scale), fixed: fixed ?? null };
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
  fixed: FixedScales = {},
): readonly RenderedLayer[] {
  const before = new Map(previous.map((r) => [r.spec.id, r]));
  const out: RenderedLayer[] = [];
  for (const spec of specs) {
    const d = data[spec.id]?.data;
    if (!d) continue;
    const old = before.get(spec.id);
    const f = fixed[spec.id] ?? null;
    out.push(old && old.spec === spec && old.data === d && (old.fixed ?? null) === f ? old : renderLayer(spec, d, f));
  }
  const same = out.length === previous.length && out.every((r, i) => r === previous[i]);
  return same ? previous : out;
}

// Layer specs + typed arrays → deck.gl layers, built in Node (constructing a deck.gl layer
// needs no GPU): a 500,000-cell layer, and redraws that reuse the layers that did not change.
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import type { AggregateResult, PointMarks } from '../../src/engine/protocol';
import { createLayer, updateLayer } from '../../src/config/layer';
import { deckLayers, maxFinite, type LayerData } from '../../src/map/deck-layers';
import { renderLayers } from '../../src/map/render-layers';
import { colourScale, NO_DATA_COLOUR, scaleParts, SUPPRESSED_COLOUR, type Rgba } from '../../src/scales/colour';
import { legendRows } from '../../src/ui/legend-rows';

/** n hexagon cells: value i % 1000, every 7th cell without a value, every 11th suppressed. */
function cells(n: number): AggregateResult {
  const values = new Float64Array(n);
  const suppressed = new Uint8Array(n);
  const centers = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    suppressed[i] = i % 11 === 0 ? 1 : 0;
    values[i] = suppressed[i] || i % 7 === 0 ? NaN : i % 1000;
    centers[2 * i] = -74 + i * 1e-6;
    centers[2 * i + 1] = 40.7;
  }
  return {
    dataset: 'd', by: { kind: 'hexagon', sizeM: 200 }, stat: 'count', value: null, minCount: 5, length: n,
    ids: new Int32Array(2 * n), h3: null, names: null, centers, counts: values.slice(), values, suppressed,
    areasKm2: new Float64Array(n).fill(0.1), perKm2: values.map((v) => v * 10), per1000: null, rows: n,
    suppressedCells: 0, projection: null, sql: '', method: { code: 'method-hexagon' }, assignment: 'computed', timings: { assignMs: 0, queryMs: 0, totalMs: 0 },
  };
}

const attribute = (layer: Layer, name: string) => {
  const data = layer.props.data as { length: number; attributes: Record<string, { value: ArrayLike<number>; size: number }> };
  return data.attributes[name];
};

describe('deck.gl layers', () => {
  it('draws 500,000 cells with the right heights and colours', () => {
    const n = 500_000;
    const result = cells(n);
    const spec = createLayer('hexagon', 'd', { title: 'Big', sizeM: 200, extruded: true, classification: 'equal', classes: 4, domain: [0, 1000] });
    // Equal classes over the fixed domain [0, 1000]: breaks at 250, 500 and 750.
    const scale = colourScale(result.values, { scheme: spec.scheme, classification: 'equal', classes: 4, domain: [0, 1000] });
    expect(scale.breaks).toEqual([250, 500, 750]);
    const layers = deckLayers(spec, { kind: 'cells', result }, scale);
    expect(layers).toHaveLength(1);
    const [layer] = layers;
    expect(layer.props).toMatchObject({ id: spec.id, radius: 200, diskResolution: 6, angle: 90, extruded: true, elevationScale: 3000 });
    expect((layer.props.data as { length: number }).length).toBe(n);

    const elevation = attribute(layer, 'getElevation');
    const colour = attribute(layer, 'getFillColor');
    expect(elevation.value).toHaveLength(n);
    expect(colour.value).toHaveLength(4 * n);
    // The largest value drawn is 999 (cell 999 is neither a 7th nor an 11th).
    let wrongHeights = 0;
    let wrongColours = 0;
    for (let i = 0; i < n; i++) {
      const blank = i % 11 === 0 || i % 7 === 0;
      const height = blank ? 0 : Math.fround((i % 1000) / 999);
      if (elevation.value[i] !== height) wrongHeights++;
      const want: Rgba = i % 11 === 0 ? SUPPRESSED_COLOUR : blank ? NO_DATA_COLOUR : scale.colours[Math.floor((i % 1000) / 250)];
      for (let c = 0; c < 4; c++) if (colour.value[4 * i + c] !== want[c]) wrongColours++;
    }
    expect({ wrongHeights, wrongColours }).toEqual({ wrongHeights: 0, wrongColours: 0 });
  });

  it('finds the largest finite value without spreading arguments', () => {
    expect(maxFinite(new Float64Array([3, NaN, Infinity, 7, -2]))).toBe(7);
    expect(maxFinite(new Float64Array([-5, NaN]))).toBe(1e-9);
    expect(maxFinite(new Float64Array(1_000_000).fill(2))).toBe(2);
  });

  it('draws per-km² values when asked', () => {
    const result = cells(100);
    const spec = createLayer('grid', 'd', { title: 'G', measure: 'perKm2', extruded: true });
    const scale = colourScale(result.perKm2, { scheme: spec.scheme, classification: 'quantile', classes: 6 });
    const [layer] = deckLayers(spec, { kind: 'cells', result }, scale);
    // The largest value among 100 cells is 97 (99 is suppressed, 98 a 7th): per km² 970. Cell 1: 10 / 970.
    expect(attribute(layer, 'getElevation').value[1]).toBe(Math.fround(10 / 970));
    expect(layer.props).toMatchObject({ diskResolution: 4, angle: 45, radius: 500 * Math.SQRT1_2 });
  });
});

describe('redrawing', () => {
  const marks: PointMarks = {
    table: 'd', rows: 3, marks: 2, origin: [-74, 40.7], offsets: new Float32Array([0, 0, 0.01, 0.01]),
    counts: new Float32Array([2, 1]), colours: null, scale: null, radii: null, sql: '',
  };
  const hexagons = createLayer('hexagon', 'd', { title: 'H' });
  const points = createLayer('points', 'd', { title: 'P' });
  const data: Record<string, { data: LayerData }> = {
    [hexagons.id]: { data: { kind: 'cells', result: cells(50) } },
    [points.id]: { data: { kind: 'points', marks } },
  };

  it('recomputes only the layer whose spec changed', () => {
    const first = renderLayers([hexagons, points], data, []);
    expect(first.map((r) => r.spec.id)).toEqual([hexagons.id, points.id]);
    const faded = updateLayer(hexagons, { opacity: 0.3 });
    const second = renderLayers([faded, points], data, first);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0].layers[0].props.opacity).toBe(0.3);
    expect(second[1]).toBe(first[1]);
    expect(second[1].layers[0]).toBe(first[1].layers[0]);
  });

  it('recomputes only the layer whose data changed', () => {
    const first = renderLayers([hexagons, points], data, []);
    const next = { ...data, [hexagons.id]: { data: { kind: 'cells' as const, result: cells(60) } } };
    const second = renderLayers([hexagons, points], next, first);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0].scale).not.toBe(first[0].scale);
    expect(second[1]).toBe(first[1]);
  });

  it('returns the same array when nothing changed, and drops or reorders without recomputing', () => {
    const first = renderLayers([hexagons, points], data, []);
    expect(renderLayers([hexagons, points], { ...data }, first)).toBe(first);
    const swapped = renderLayers([points, hexagons], data, first);
    expect(swapped).not.toBe(first);
    expect(swapped[0]).toBe(first[1]);
    expect(swapped[1]).toBe(first[0]);
    const one = renderLayers([points], data, first);
    expect(one).toEqual([first[1]]);
    expect(one[0]).toBe(first[1]);
    // A layer still waiting for its data is left out.
    expect(renderLayers([hexagons, createLayer('grid', 'd', { title: 'new' })], data, first)).toEqual([first[0]]);
  });

  it('draws every frame of a playback with its fixed scale: the same classes and labels whatever the frame\'s values', () => {
    // The playback's scale: quantiles over a pooled set of values 0…9999.
    const pooled = Float64Array.from({ length: 10_000 }, (_, i) => i);
    const fixed = scaleParts(colourScale(pooled, { scheme: hexagons.scheme, classification: hexagons.classification, classes: hexagons.classes }));
    const frame1 = { [hexagons.id]: { data: { kind: 'cells' as const, result: cells(50) } } };
    const frame2 = { [hexagons.id]: { data: { kind: 'cells' as const, result: cells(500) } } };
    const a = renderLayers([hexagons], frame1, [], { [hexagons.id]: fixed });
    const b = renderLayers([hexagons], frame2, a, { [hexagons.id]: fixed });
    expect(a[0].scale!.breaks).toEqual(fixed.breaks);
    expect(legendRows(b[0].scale!)).toEqual(legendRows(a[0].scale!));
    // Without it each frame is classed over its own values (cells(50) holds values up to 49 only).
    const floating = renderLayers([hexagons], frame1, [])[0].scale!;
    expect(floating.breaks.every((x) => x < 50)).toBe(true);
    expect(floating.breaks).not.toEqual(fixed.breaks);
    // Dropping the fixed scale redraws the layer; keeping it reuses the layer as drawn.
    expect(renderLayers([hexagons], frame2, b, { [hexagons.id]: fixed })).toBe(b);
    expect(renderLayers([hexagons], frame2, b)[0]).not.toBe(b[0]);
  });
});

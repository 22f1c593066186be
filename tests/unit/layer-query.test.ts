// A LayerSpec as the engine's LayerQuery: one variant per layer kind, with only the
// fields that change the data.
import { describe, expect, it } from 'vitest';
import { createLayer, type LayerKind } from '../../src/config/layer';

const newLayer = (kind: LayerKind, dataset: string, title: string, options: Record<string, unknown> = {}) =>
  createLayer(kind, dataset, { title, ...options });
import { layerQuery } from '../../src/ui/layer-data';
import { requestKey } from '../../src/ui/request-key';

describe('layerQuery', () => {
  it('maps each spec kind to its query', () => {
    expect(layerQuery(newLayer('points', 'p', 't'), 5)).toEqual({ kind: 'points', dataset: 'p' });
    expect(layerQuery(newLayer('heatmap', 'p', 't'), 5)).toEqual({ kind: 'heatmap', dataset: 'p' });
    expect(layerQuery(newLayer('lines', 'l', 't'), 5)).toEqual({ kind: 'lines', dataset: 'l' });
    expect(layerQuery(newLayer('outlines', 'd', 't'), 5)).toEqual({ kind: 'outlines', dataset: 'd' });
    expect(layerQuery(newLayer('choropleth', 'd', 't', { column: 'pop' }), 5)).toEqual({ kind: 'choropleth', dataset: 'd', column: 'pop' });
    const cells = { dataset: 'p', stat: 'count', minCount: 5 };
    expect(layerQuery(newLayer('hexagon', 'p', 't', { sizeM: 250 }), 5)).toEqual({ kind: 'hexagon', ...cells, by: { kind: 'hexagon', sizeM: 250 } });
    expect(layerQuery(newLayer('grid', 'p', 't'), 5)).toEqual({ kind: 'grid', ...cells, by: { kind: 'grid', sizeM: 500 } });
    expect(layerQuery(newLayer('h3', 'p', 't', { resolution: 8 }), 5)).toEqual({ kind: 'h3', ...cells, by: { kind: 'h3', resolution: 8 } });
    expect(layerQuery(newLayer('districts', 'p', 't', { districts: 'd', stat: 'sum', value: 'v' }), 0)).toEqual({
      kind: 'districts',
      dataset: 'p',
      stat: 'sum',
      value: 'v',
      minCount: 0,
      by: { kind: 'districts', polygons: 'd' },
    });
  });

  it('puts point colour settings in the query only when points are coloured by a column', () => {
    const plain = newLayer('points', 'p', 't', { scheme: 'magma' });
    expect(requestKey(layerQuery(plain, 5))).toBe(requestKey(layerQuery(newLayer('points', 'p', 't'), 5)));
    expect(layerQuery(newLayer('points', 'p', 't', { colorBy: 'v', sizeBy: 'w', classes: 4 }), 5)).toEqual({
      kind: 'points',
      dataset: 'p',
      colour: { column: 'v', scale: { scheme: 'viridis', classification: 'quantile', classes: 4, domain: undefined } },
      sizeBy: 'w',
    });
  });

  it('leaves opacity, visibility, measure and 3D out of the query', () => {
    const a = newLayer('hexagon', 'p', 't');
    const b = { ...a, id: 'other', opacity: 0.2, visible: false, measure: 'perKm2' as const, extruded: true, title: 'x' };
    expect(requestKey(layerQuery(a, 5))).toBe(requestKey(layerQuery(b, 5)));
  });

  it('refuses a choropleth without a column when the layer is made, not when it is fetched', () => {
    expect(() => newLayer('choropleth', 'd', 'Tracts')).toThrow(/column/);
  });
});

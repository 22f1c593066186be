import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import { DATA_SLOT, withDataSlot } from '../../src/map/data-slot';

const style = (types: string[]): StyleSpecification =>
  ({ version: 8, sources: {}, layers: types.map((type, i) => ({ id: `l${i}`, type })) }) as StyleSpecification;

describe('the data slot: data layers go under the labels', () => {
  it('sits just before the first symbol layer', () => {
    const ids = withDataSlot(style(['background', 'fill', 'line', 'symbol', 'line', 'symbol'])).layers.map((l) => l.id);
    expect(ids).toEqual(['l0', 'l1', 'l2', DATA_SLOT, 'l3', 'l4', 'l5']);
  });

  it('goes last when the style has no labels, is hidden, and is never doubled', () => {
    const once = withDataSlot(style(['background', 'fill']));
    expect(once.layers.map((l) => l.id)).toEqual(['l0', 'l1', DATA_SLOT]);
    expect(once.layers[2]).toMatchObject({ type: 'background', layout: { visibility: 'none' } });
    const twice = withDataSlot({ ...once, layers: [...once.layers, { id: 'x', type: 'symbol' } as never] });
    expect(twice.layers.map((l) => l.id)).toEqual(['l0', 'l1', DATA_SLOT, 'x']);
  });
});

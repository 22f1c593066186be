// The analyst view's first frame (issue 14): which of the config's layers are drawn from
// their published files, and when each leaves for good.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../src/config/validate';
import { previewable, previewShown } from '../../src/ui/use-published-preview';
import type { DashboardState } from '../../src/ui/use-dashboard';
import type { PublishedLayer } from '../../src/config/published';
import type { RenderedLayer } from '../../src/map/render-layers';
import type { Layer } from '@deck.gl/core';

const config = parseConfig(JSON.parse(readFileSync('public/citylens.config.json', 'utf8')), 'citylens.config.json');
const state = (over: Partial<DashboardState> = {}): DashboardState => ({
  config, datasets: [], specs: [], status: '', alert: '', problems: [], catalog: null, link: {}, sources: {}, restored: false, published: null, ...over,
});
const byId = (id: string) => config.layers.find((l) => l.id === id)!;
// Only the layer id is read from a published file here.
const file = (id: string) => ({ layer: id }) as PublishedLayer;
const drawn = (id: string, layers: number): RenderedLayer => ({ spec: byId(id), data: { kind: 'points' } as RenderedLayer['data'], scale: null, layers: new Array<Layer>(layers) });

describe('published preview', () => {
  it('offers the visible aggregate layers of the datasets the config loads, and none under a link with its own layers, data or time state', () => {
    // The sample: stations (points), empty-hexagons (visible hexagons), districts hidden.
    const expected = config.layers.filter((l) => l.visible && l.kind !== 'points' && config.load.includes(l.dataset)).map((l) => l.id);
    expect(expected).toEqual(['empty-hexagons']);
    expect(previewable(state()).map((l) => l.id)).toEqual(expected);
    expect(previewable(state({ link: { layers: [] } }))).toEqual([]);
    expect(previewable(state({ link: { sources: [{ entry: 'x' }] } }))).toEqual([]);
    expect(previewable(state({ link: null }))).toEqual([]);
    // A link with its own time state: the published files were computed over the config's.
    expect(previewable(state({ link: { time: { nyc_citibike_station_status_2024_03: { hours: { from: 7, to: 10 } } } } }))).toEqual([]);
  });

  it('draws a layer until its live layer is drawn, then never again', () => {
    const candidates = previewable(state());
    const files = { 'empty-hexagons': file('empty-hexagons') };
    const retired = new Set<string>();
    // Before the data: no spec yet.
    expect(previewShown(candidates, files, [], false, [], {}, retired).map((l) => l.layer)).toEqual(['empty-hexagons']);
    // The dataset is in and the layer asked for: still the published one.
    const specs = [byId('stations'), byId('empty-hexagons')];
    const pending = { 'empty-hexagons': { key: 'k', pending: true } };
    expect(previewShown(candidates, files, specs, false, [drawn('stations', 1)], pending, retired)).toHaveLength(1);
    // A rendered entry with no deck.gl layer is not drawn yet.
    expect(previewShown(candidates, files, specs, false, [drawn('empty-hexagons', 0)], pending, retired)).toHaveLength(1);
    expect(previewShown(candidates, files, specs, false, [drawn('empty-hexagons', 2)], {}, retired)).toEqual([]);
    expect([...retired]).toEqual(['empty-hexagons']);
    expect(previewShown(candidates, files, specs, false, [], {}, retired)).toEqual([]);
  });

  it('leaves when the layer is changed, fails, or its dataset never came', () => {
    const candidates = previewable(state());
    const files = { 'empty-hexagons': file('empty-hexagons') };
    const changed = [{ ...byId('empty-hexagons'), scheme: 'blues' as const }];
    expect(previewShown(candidates, files, changed, false, [], {}, new Set())).toEqual([]);
    const failed = { 'empty-hexagons': { key: 'k', pending: false, error: 'no' } };
    expect(previewShown(candidates, files, [byId('empty-hexagons')], false, [], failed, new Set())).toEqual([]);
    expect(previewShown(candidates, files, [], true, [], {}, new Set())).toEqual([]);
    // Without its file nothing is drawn.
    expect(previewShown(candidates, {}, [], false, [], {}, new Set())).toEqual([]);
  });
});

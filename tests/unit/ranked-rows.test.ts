// The citizen view's text alternative: a published layer's areas ranked by value, highest
// first, suppressed and valueless areas counted apart; hot spots by class, then by name.
import { describe, expect, it } from 'vitest';
import { rankedRows } from '../../src/ui/public/ranked-rows';
import { NO_VALUE, SUPPRESSED, type PublishedLayer } from '../../src/config/published';
import { HOTSPOT_CODE } from '../../src/engine/stats/classes';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]] as [number, number][]] };
const feature = (id: string, name: string | null, value: number | null, c: number) => ({ type: 'Feature' as const, geometry: square, properties: { id, name, value, c } });
const layer = (features: ReturnType<typeof feature>[], analysis: PublishedLayer['analysis'] = null) =>
  ({ analysis, features: { type: 'FeatureCollection', features }, spec: { title: 'T' } }) as unknown as PublishedLayer;

describe('ranked rows of a published map', () => {
  it('rank values highest first, ties by id, and count the rest', () => {
    const values = [0.4, 0.9, null, 0.1, 0.9, 0.5];
    const f = values.map((v, i) => feature(`c${i}`, i === 1 ? 'Midtown' : null, v, v === null ? NO_VALUE : 1));
    f.push(feature('c9', null, null, SUPPRESSED));
    const r = rankedRows(layer(f), 3);
    // Independent: sort the non-null values descending.
    const want = values.map((v, i) => [v, `c${i}`] as const).filter(([v]) => v !== null).sort((a, b) => b[0]! - a[0]! || a[1].localeCompare(b[1]));
    expect(r.rows.map((x) => [x.value, x.id])).toEqual(want.slice(0, 3).map(([v, id]) => [v, id]));
    expect(r.rows[0]).toEqual({ rank: 1, id: 'c1', name: 'Midtown', value: 0.9 });
    expect(r.more).toBe(want.length - 3);
    expect(r.noValue).toBe(1);
    expect(r.suppressed).toBe(1);
  });

  it('list hot spots, the most certain first, then by name', () => {
    const f = [
      feature('a', 'Zeta', HOTSPOT_CODE['hot-95'], HOTSPOT_CODE['hot-95']),
      feature('b', 'Alpha', HOTSPOT_CODE['not-significant'], HOTSPOT_CODE['not-significant']),
      feature('c', 'Beta', HOTSPOT_CODE['hot-99'], HOTSPOT_CODE['hot-99']),
      feature('d', 'Alpha', HOTSPOT_CODE['hot-95'], HOTSPOT_CODE['hot-95']),
      feature('e', 'Cold', HOTSPOT_CODE['cold-99'], HOTSPOT_CODE['cold-99']),
    ];
    const r = rankedRows(layer(f, 'hotspots'), 10);
    expect(r.rows.map((x) => [x.name, x.hotspot])).toEqual([['Beta', 'hot-99'], ['Alpha', 'hot-95'], ['Zeta', 'hot-95']]);
    expect(r.more).toBe(0);
  });
});

// A layer's own hours and weekdays intersected with its dataset's window (layer-rhythm.ts),
// against an oracle that tests each minute of the day against both ranges apart.
import { describe, expect, it } from 'vitest';
import { filters, withRhythm } from '../../src/config/layer-rhythm';
import { layerQuery } from '../../src/config/layer-query';
import { createLayer, type LayerKind, type LayerSpec } from '../../src/config/layer';
import type { HourRange, TimeWindow } from '../../src/engine/protocol';

/** Whether minute `m` of the day falls in `h` (from ≤ t < to, wrapping midnight when to < from). */
function inRange(m: number, h: HourRange): boolean {
  const t = m / 60;
  const from = h.from % 24, to = h.to % 24;
  return from < to ? t >= from && t < to : t >= from || t < to;
}

/** Runs of kept minutes around the clock (a run through midnight counts once). */
function runs(kept: boolean[]): number {
  let n = 0;
  for (let m = 0; m < kept.length; m++) if (kept[m] && !kept[(m + kept.length - 1) % kept.length]) n++;
  return n;
}

const newLayer = (kind: LayerKind, dataset: string, title: string, options: Record<string, unknown> = {}): LayerSpec => createLayer(kind, dataset, { title, ...options });

const clock: TimeWindow = { column: 'ts', zone: 'America/New_York' };

describe('withRhythm', () => {
  it('keeps the hours both ranges keep, for every pair of whole-hour ranges', () => {
    let single = 0, none = 0, split = 0;
    for (let a = 0; a < 24; a++) for (let b = 1; b <= 24; b++) for (const [c, d] of [[7, 10], [22, 2], [0, 24], [9, 17], [18, 8]]) {
      if (a % 24 === b % 24) continue;
      const layer = { from: a, to: b };
      const timeline = { from: c, to: d };
      const want = Array.from({ length: 1440 }, (_, m) => inRange(m, layer) && (d % 24 === c % 24 || inRange(m, timeline)));
      const window = d % 24 === c % 24 ? clock : { ...clock, hours: timeline };
      const kept = want.filter(Boolean).length;
      if (kept === 0) {
        none++;
        expect(() => withRhythm(window, { hours: layer }, 'L')).toThrow(/share no hour/);
      } else if (runs(want) > 1) {
        split++;
        expect(() => withRhythm(window, { hours: layer }, 'L')).toThrow(/two separate stretches/);
      } else {
        single++;
        const got = withRhythm(window, { hours: layer }, 'L')!;
        if (kept === 1440) expect(got.hours).toBeUndefined();
        else {
          const gotKept = Array.from({ length: 1440 }, (_, m) => inRange(m, got.hours!));
          expect(gotKept).toEqual(want);
        }
        expect(got.column).toBe('ts');
        expect(got.zone).toBe('America/New_York');
      }
    }
    // Each outcome was reached.
    expect(single).toBeGreaterThan(1000);
    expect(none).toBeGreaterThan(10);
    expect(split).toBeGreaterThan(10);
  });

  it('keeps the weekdays both keep, and says when they share none', () => {
    expect(withRhythm({ ...clock, days: [1, 2, 6] }, { days: [1, 2, 3, 4, 5] }, 'L')!.days).toEqual([1, 2]);
    expect(withRhythm(clock, { days: [6, 7] }, 'L')!.days).toEqual([6, 7]);
    expect(withRhythm(clock, { days: [1, 2, 3, 4, 5, 6, 7] }, 'L')!.days).toBeUndefined();
    expect(() => withRhythm({ ...clock, days: [6, 7] }, { days: [1, 2, 3, 4, 5] }, 'Empty stations')).toThrow(/^Empty stations: the layer’s weekdays and the timeline’s share no day/);
  });

  it('keeps the window bounds, and needs a time column', () => {
    const w = { ...clock, from: '2024-03-13', to: '2024-03-20' };
    expect(withRhythm(w, { hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] }, 'L')).toEqual({ ...w, hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] });
    expect(withRhythm(w, undefined, 'L')).toBe(w);
    expect(() => withRhythm(undefined, { hours: { from: 7, to: 10 } }, 'Empty stations')).toThrow(/^Empty stations: hours and weekdays need a time column/);
    expect(filters(clock)).toBe(false);
    expect(filters(w)).toBe(true);
  });
});

describe('layerQuery with a layer rhythm', () => {
  const rhythm = { hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] };

  it('asks for the hours and weekdays on the dataset clock, and leaves a window that filters nothing out', () => {
    const hex = newLayer('hexagon', 'bikes', 'Empty', { rhythm });
    expect(layerQuery(hex, 5, { bikes: clock })).toMatchObject({ time: { column: 'ts', zone: 'America/New_York', hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] } });
    expect(layerQuery(newLayer('hexagon', 'bikes', 'All'), 5, { bikes: clock })).toMatchObject({ time: undefined });
    expect(() => layerQuery(hex, 5, {})).toThrow(/need a time column/);
    // The timeline's hours narrow the layer's.
    expect(layerQuery(hex, 5, { bikes: { ...clock, hours: { from: 8, to: 20 } } })).toMatchObject({ time: { hours: { from: 8, to: 10 } } });
  });

  it('puts them in a comparison\'s own time part', () => {
    const swing = newLayer('districts', 'bikes', 'Swing', { districts: 'boroughs', stat: 'mean', value: 'v', rhythm,
      analysis: { kind: 'compare', time: 'ts_local', before: { from: '2024-03-13', to: '2024-03-14' }, after: { from: '2024-03-20', to: '2024-03-21' } } });
    const q = layerQuery(swing, 5, { bikes: clock });
    expect(q).toMatchObject({ analysis: { kind: 'compare', time: { column: 'ts_local', zone: 'America/New_York', hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] } } });
  });
});

// The time state (issue 12): its schema, the engine window it makes, and its part of the
// link (`t` in the payload), which round-trips through the one URL codec.
import { describe, expect, it } from 'vitest';
import { DashboardConfig } from '../../src/config/dashboard';
import { TimeState, timeWindow, isEmptyTime } from '../../src/config/time-state';
import { decodePayload, encodeLink, readLink, type PageState } from '../../src/config/url-state';
import { createLayer } from '../../src/config/layer';
import { layerQuery } from '../../src/config/layer-query';

const BIKES = 'citi_bike';
const base = (): PageState => ({ view: { center: [-73.96, 40.74], zoom: 10.6 }, basemap: 'none', sources: [{ entry: BIKES }], layers: [] });
const page = (hash: string) => `https://city.example/a/b/${hash}`;
const MORNINGS = {
  window: { from: Date.UTC(2024, 2, 14, 4), to: Date.UTC(2024, 2, 16, 4) },
  hours: { from: 7, to: 10 },
  days: [1, 2, 3, 4, 5],
  zone: 'America/New_York',
  playback: { windowMs: 86_400_000, stepMs: 3_600_000, stepsPerSecond: 2, mode: 'slide', domain: 'fixed' },
} satisfies TimeState;

describe('time state schema', () => {
  it('takes windows as epoch ms or ISO text, hours that wrap midnight, weekdays', () => {
    expect(TimeState.parse(MORNINGS)).toEqual(MORNINGS);
    expect(TimeState.parse({ window: { from: '2024-03-14', to: '2024-03-15T08:00-04:00' }, hours: { from: 22, to: 2 } }).hours).toEqual({ from: 22, to: 2 });
  });

  it('refuses an empty hour range, weekday 0 or 8, a bin or mode it does not know', () => {
    expect(TimeState.safeParse({ hours: { from: 7, to: 7 } }).success).toBe(false);
    expect(TimeState.safeParse({ hours: { from: 0, to: 24 } }).success).toBe(false);
    expect(TimeState.safeParse({ days: [0] }).success).toBe(false);
    expect(TimeState.safeParse({ days: [8] }).success).toBe(false);
    expect(TimeState.safeParse({ bin: 'year' }).success).toBe(false);
    expect(TimeState.safeParse({ playback: { ...MORNINGS.playback, mode: 'bounce' } }).success).toBe(false);
    expect(TimeState.safeParse({ playback: { ...MORNINGS.playback, stepMs: 0 } }).success).toBe(false);
  });

  it('is an optional record on the dashboard config', () => {
    expect(DashboardConfig.parse({ version: 2 }).time).toBeUndefined();
    expect(DashboardConfig.parse({ version: 2, time: { [BIKES]: MORNINGS } }).time).toEqual({ [BIKES]: MORNINGS });
    expect(DashboardConfig.safeParse({ version: 2, time: { [BIKES]: { days: [9] } } }).success).toBe(false);
  });

  it('makes the engine time window, leaving out what filters nothing', () => {
    expect(timeWindow(undefined, 'ts', 'UTC')).toBeNull();
    expect(timeWindow({ zone: 'UTC' }, 'ts', 'UTC')).toBeNull();
    expect(timeWindow({ days: [7, 6, 5, 4, 3, 2, 1] }, 'ts', 'UTC')).toBeNull();
    expect(timeWindow({ days: [7, 1] }, 'ts', 'Europe/Copenhagen')).toEqual({ column: 'ts', zone: 'Europe/Copenhagen', days: [1, 7] });
    expect(timeWindow(MORNINGS, 'ts', 'America/New_York')).toEqual({
      column: 'ts', zone: 'America/New_York', from: MORNINGS.window.from, to: MORNINGS.window.to, hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5],
    });
    expect(isEmptyTime({})).toBe(true);
    expect(isEmptyTime({ window: { from: 0 } })).toBe(false);
  });

  it('puts the window on cell layers of that dataset only', () => {
    const w = timeWindow(MORNINGS, 'ts', 'America/New_York');
    const hex = createLayer('hexagon', BIKES, { title: 'h' });
    const other = createLayer('hexagon', 'other', { title: 'o' });
    const points = createLayer('points', BIKES, { title: 'p' });
    expect(layerQuery(hex, 5, { [BIKES]: w })).toMatchObject({ kind: 'hexagon', time: w });
    expect(layerQuery(other, 5, { [BIKES]: w })).not.toHaveProperty('time', w);
    expect(layerQuery(points, 5, { [BIKES]: w })).not.toHaveProperty('time');
  });
});

describe('time state in the link', () => {
  it('writes nothing when the time is as the config has it', async () => {
    expect(await encodeLink(base(), base())).toBe('');
    expect(await encodeLink({ ...base(), time: { [BIKES]: MORNINGS } }, { ...base(), time: { [BIKES]: MORNINGS } })).toBe('');
    expect(await encodeLink({ ...base(), time: { [BIKES]: {} } }, base())).toBe('');
  });

  it('round-trips a time state under the payload key t', async () => {
    const hash = await encodeLink({ ...base(), time: { [BIKES]: MORNINGS } }, base());
    const s = new URLSearchParams(hash.slice(1)).get('s')!;
    expect(await decodePayload(s)).toEqual({ t: { [BIKES]: MORNINGS } });
    const read = await readLink(page(hash));
    expect(read.problems).toEqual([]);
    expect(read.link.time).toEqual({ [BIKES]: MORNINGS });
  });

  it('says where the link clears a state the config sets', async () => {
    const hash = await encodeLink(base(), { ...base(), time: { [BIKES]: MORNINGS } });
    expect((await readLink(page(hash))).link.time).toEqual({ [BIKES]: {} });
  });

  it('drops a time state the schema refuses, and says so', async () => {
    const { encodePayload } = await import('../../src/config/url-state');
    const s = await encodePayload({ t: { [BIKES]: { days: [0] }, other: { hours: { from: 22, to: 2 } } } });
    const read = await readLink(page(`#s=${s}`));
    expect(read.link.time).toEqual({ other: { hours: { from: 22, to: 2 } } });
    expect(read.problems).toHaveLength(1);
  });
});

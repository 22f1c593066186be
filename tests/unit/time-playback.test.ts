// Playback steps (issue 12): the frame windows (slide, accumulate), the defaults a range
// suggests, the pace under prefers-reduced-motion, and the timeline's bins and snapping.
import { describe, expect, it } from 'vitest';
import { defaultPlayback, delayBeforeNext, effectiveRate, MAX_FRAMES, nextFrame, playbackWindows } from '../../src/ui/time/playback';
import { autoBin, snapToBin, stepBins, binStartOf } from '../../src/ui/time/bins';
import { clockRange, datasetClock, instantOfWall, wallOfIso } from '../../src/config/dataset-clock';
import type { DatasetInfo } from '../../src/engine/protocol';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2024, 2, 12, 4); // 2024-03-12 00:00 in New York (EDT, UTC−4)

describe('playback windows', () => {
  it('slides a 24 h window by 1 h over three days: 49 frames, the last ending at the range end', () => {
    const frames = playbackWindows({ from: T0, to: T0 + 3 * D }, { windowMs: D, stepMs: H, mode: 'slide' });
    expect(frames).toHaveLength(49);
    expect(frames[0]).toEqual({ from: T0, to: T0 + D });
    expect(frames[1]).toEqual({ from: T0 + H, to: T0 + D + H });
    expect(frames[48]).toEqual({ from: T0 + 48 * H, to: T0 + 3 * D });
    for (const f of frames) expect(f.to - f.from).toBe(D);
  });

  it('accumulates from the start: every frame starts at the range start and ends one step later', () => {
    const frames = playbackWindows({ from: T0, to: T0 + 10 * H }, { windowMs: 2 * H, stepMs: 3 * H, mode: 'accumulate' });
    expect(frames).toEqual([
      { from: T0, to: T0 + 2 * H },
      { from: T0, to: T0 + 5 * H },
      { from: T0, to: T0 + 8 * H },
      { from: T0, to: T0 + 10 * H },
    ]);
  });

  it('cuts the last slide frame at the range end and plays a short range as one frame', () => {
    expect(playbackWindows({ from: 0, to: 10 }, { windowMs: 4, stepMs: 4, mode: 'slide' })).toEqual([
      { from: 0, to: 4 }, { from: 4, to: 8 }, { from: 8, to: 10 },
    ]);
    expect(playbackWindows({ from: 0, to: 3 }, { windowMs: 4, stepMs: 1, mode: 'slide' })).toEqual([{ from: 0, to: 3 }]);
    expect(playbackWindows({ from: 5, to: 5 }, { windowMs: 4, stepMs: 1, mode: 'slide' })).toEqual([]);
  });

  it('never makes more than MAX_FRAMES frames, and still covers the range', () => {
    const frames = playbackWindows({ from: 0, to: 365 * D }, { windowMs: H, stepMs: 60_000, mode: 'slide' });
    expect(frames).toHaveLength(MAX_FRAMES);
    expect(frames[0].from).toBe(0);
    expect(frames[MAX_FRAMES - 1].to).toBe(365 * D);
  });

  it('defaults a day stepping hourly at 2 steps/s for the Citi Bike range (12 days)', () => {
    expect(defaultPlayback(11.8 * D)).toEqual({ windowMs: D, stepMs: H, stepsPerSecond: 2, mode: 'slide', domain: 'fixed' });
    expect(defaultPlayback(365 * D)).toMatchObject({ windowMs: 7 * D, stepMs: D });
    expect(defaultPlayback(5 * 365 * D)).toMatchObject({ windowMs: 30 * D, stepMs: 7 * D });
  });

  it('plays at most one step a second when motion is reduced', () => {
    expect(effectiveRate(4, false)).toBe(4);
    expect(effectiveRate(4, true)).toBe(1);
    expect(effectiveRate(0.5, true)).toBe(0.5);
    // Shown at 0, data at 100 ms: at 2 steps/s the next frame comes 400 ms later; reduced, 900 ms.
    expect(delayBeforeNext(0, 100, 2, false)).toBe(400);
    expect(delayBeforeNext(0, 100, 2, true)).toBe(900);
    // Data slower than a period: the next frame follows at once, never before the data.
    expect(delayBeforeNext(0, 800, 2, false)).toBe(0);
    expect(nextFrame(0, 2)).toBe(1);
    expect(nextFrame(1, 2)).toBeNull();
  });
});

describe('timeline bins', () => {
  it('chooses hours up to a fortnight, then days, weeks, months', () => {
    expect(autoBin(11.8 * D)).toBe('hour');
    expect(autoBin(31 * D)).toBe('day');
    expect(autoBin(400 * D)).toBe('week');
    expect(autoBin(12 * 365 * D)).toBe('month');
  });

  it('snaps to bin edges in the display zone, across a DST change', () => {
    expect(snapToBin('hour', T0 + 20 * 60_000, 'America/New_York')).toBe(T0);
    expect(snapToBin('hour', T0 + 40 * 60_000, 'America/New_York')).toBe(T0 + H);
    // New York midnight is 05:00 UTC before 10 March 2024 and 04:00 after.
    expect(binStartOf('day', Date.UTC(2024, 2, 9, 12), 'America/New_York')).toBe(Date.UTC(2024, 2, 9, 5));
    expect(stepBins('day', Date.UTC(2024, 2, 9, 5), 2, 'America/New_York')).toBe(Date.UTC(2024, 2, 11, 4));
    expect(stepBins('day', Date.UTC(2024, 2, 11, 4), -2, 'America/New_York')).toBe(Date.UTC(2024, 2, 9, 5));
    expect(binStartOf('week', Date.UTC(2024, 2, 14, 12), 'UTC')).toBe(Date.UTC(2024, 2, 11));
  });

  it('reads a local column in its zone, an unknown-zone column in the display zone', () => {
    const info = (zone: 'local' | 'utc', timeZone?: string) => ({
      timeColumns: [{ column: 'ts', parsedFrom: 'native', zone, timeZone, unparsed: 0, min: '2024-03-12 00:00:00', max: '2024-03-23T23:45:00' }],
    }) as unknown as DatasetInfo;
    expect(wallOfIso('2024-03-12T00:00:00.5')).toBe(Date.UTC(2024, 2, 12, 0, 0, 0, 500));
    const ny = datasetClock(info('local', 'America/New_York'))!;
    expect(ny.columnZone).toBe('America/New_York');
    expect(clockRange(ny, 'UTC')).toEqual({ from: T0, to: Date.UTC(2024, 2, 24, 3, 45) + 1 });
    const unknown = datasetClock(info('local'))!;
    expect(unknown.columnZone).toBeNull();
    expect(clockRange(unknown, 'Europe/Copenhagen').from).toBe(Date.UTC(2024, 2, 11, 23));
    expect(datasetClock(info('utc'))!.columnZone).toBe('UTC');
    expect(instantOfWall(Date.UTC(2024, 2, 12), 'UTC')).toBe(Date.UTC(2024, 2, 12));
  });
});

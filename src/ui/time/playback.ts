// Playback as pure steps: the defaults a dataset's range suggests, the sequence of frame
// windows (sliding, or accumulating from the start), and the pace (prefers-reduced-motion
// caps it at one step a second).
import type { PlaybackWindow } from '../../engine/protocol';
import type { PlaybackSettings } from '../../config/time-state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A playback never has more frames than this (the step grows to fit). */
export const MAX_FRAMES = 2000;

/** Steps per second when motion is reduced. */
export const REDUCED_STEPS_PER_SECOND = 1;

/** Defaults for a range of `spanMs`: a day stepping hourly up to two months, a week by days up to two years, else a month by weeks. */
export function defaultPlayback(spanMs: number): PlaybackSettings {
  const base = { stepsPerSecond: 2, mode: 'slide', domain: 'fixed' } as const;
  if (spanMs <= 62 * DAY) return { ...base, windowMs: DAY, stepMs: HOUR };
  if (spanMs <= 2 * 365 * DAY) return { ...base, windowMs: 7 * DAY, stepMs: DAY };
  return { ...base, windowMs: 30 * DAY, stepMs: 7 * DAY };
}

/**
 * The frames over [range.from, range.to): slide moves a window of `windowMs` by `stepMs`;
 * accumulate keeps the start and moves the end. The last frame ends at range.to (cut short
 * there); a range shorter than one window is one frame.
 */
export function playbackWindows(range: PlaybackWindow, s: Pick<PlaybackSettings, 'windowMs' | 'stepMs' | 'mode'>): PlaybackWindow[] {
  const { from, to } = range;
  if (!(to > from) || !(s.windowMs > 0) || !(s.stepMs > 0)) return [];
  const span = to - from;
  const steps = Math.max(0, Math.ceil((span - s.windowMs) / s.stepMs));
  const frames = Math.min(steps + 1, MAX_FRAMES);
  // Too many frames: a longer step covers the range in MAX_FRAMES.
  const step = steps + 1 > MAX_FRAMES ? Math.ceil((span - s.windowMs) / (MAX_FRAMES - 1)) : s.stepMs;
  const out: PlaybackWindow[] = [];
  for (let k = 0; k < frames; k++) {
    const end = Math.min(from + s.windowMs + k * step, to);
    const start = s.mode === 'slide' ? Math.min(from + k * step, end - 1) : from;
    out.push({ from: start, to: end });
  }
  if (out.length) out[out.length - 1] = { from: out[out.length - 1].from, to };
  return out;
}

/** Steps per second actually played: the setting, at most one when motion is reduced. */
export function effectiveRate(stepsPerSecond: number, reducedMotion: boolean): number {
  const rate = Math.max(0.1, stepsPerSecond);
  return reducedMotion ? Math.min(rate, REDUCED_STEPS_PER_SECOND) : rate;
}

/**
 * How long to wait before showing frame `next`, given when the current frame was shown and
 * when its data arrived: one frame period from the frame's start, never before its data is in.
 */
export function delayBeforeNext(shownAt: number, dataAt: number, stepsPerSecond: number, reducedMotion: boolean): number {
  const period = 1000 / effectiveRate(stepsPerSecond, reducedMotion);
  return Math.max(0, shownAt + period - dataAt);
}

/** The frame after `index`, or null at the end. */
export function nextFrame(index: number, frames: number): number | null {
  return index + 1 < frames ? index + 1 : null;
}

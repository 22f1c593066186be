// A dataset's time state (issue 12): the window the map shows, the rhythm filters (hours of
// the day, weekdays), the display zone, the timeline's bin and the playback settings. One
// zod schema for the config's `time` record and the link's `t` part (url-state.ts).
import { z } from 'zod';
import type { TimeWindow } from '../engine/protocol';

/** An instant: epoch milliseconds, or ISO 8601 text (read in the display zone when it has none). */
const Instant = z.union([z.number().finite(), z.string().min(1)]);

const Hour = z.number().min(0).max(24);

export const TIME_BINS = ['hour', 'day', 'week', 'month'] as const;
export type TimelineBin = (typeof TIME_BINS)[number];

export const PlaybackSettings = z
  .object({
    windowMs: z.number().int().positive().describe('Length of each frame\'s window (ms).'),
    stepMs: z.number().int().positive().describe('How far each frame moves on (ms).'),
    stepsPerSecond: z.number().positive().max(30).describe('Frames per second while playing.'),
    mode: z.enum(['slide', 'accumulate']).describe('"slide": each frame is one window; "accumulate": frames grow from the start.'),
    domain: z.enum(['fixed', 'float']).describe('"fixed": one colour scale over every frame; "float": each frame its own.'),
  })
  .describe('How the time playback steps.');
export type PlaybackSettings = z.infer<typeof PlaybackSettings>;

export const TimeState = z
  .object({
    window: z
      .object({ from: Instant.optional(), to: Instant.optional() })
      .optional()
      .describe('The window shown: from inclusive, to exclusive.'),
    hours: z
      .object({ from: Hour, to: Hour })
      .refine((h) => h.from % 24 !== h.to % 24, { message: 'hours: from equals to' })
      .optional()
      .describe('Hours of the day kept (from ≤ local time < to; 22–2 wraps midnight).'),
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional().describe('ISO weekdays kept, 1 = Monday … 7 = Sunday.'),
    zone: z.string().min(1).optional().describe('Display zone (IANA or UTC); default: the dataset\'s zone, else UTC.'),
    bin: z.enum(TIME_BINS).optional().describe('The timeline\'s bin; default: chosen to fit the range.'),
    playback: PlaybackSettings.optional(),
  })
  .describe('A dataset\'s time window, rhythm filters, display zone and playback.');
export type TimeState = z.infer<typeof TimeState>;

/** Time states by dataset id. */
export const TimeStates = z.record(z.string().min(1), TimeState).describe('Time state per dataset id.');
export type TimeStates = z.infer<typeof TimeStates>;

/** Whether a state says nothing (no window, no filters, no settings): links and configs leave it out. */
export function isEmptyTime(s: TimeState): boolean {
  return s.window?.from === undefined && s.window?.to === undefined && !s.hours && !s.days && !s.zone && !s.bin && !s.playback;
}

/** The engine's time window for `state` on `column` in `zone`; null when it filters nothing. */
export function timeWindow(state: TimeState | undefined, column: string, zone: string, format?: string): TimeWindow | null {
  if (!state) return null;
  const { window, hours, days } = state;
  const hasWindow = window?.from !== undefined || window?.to !== undefined;
  const allDays = days && days.length === 7;
  if (!hasWindow && !hours && (!days || allDays)) return null;
  const out: TimeWindow = { column, zone };
  if (format) out.format = format;
  if (window?.from !== undefined) out.from = window.from;
  if (window?.to !== undefined) out.to = window.to;
  if (hours) out.hours = { from: hours.from, to: hours.to };
  if (days && !allDays) out.days = [...days].sort((a, b) => a - b);
  return out;
}

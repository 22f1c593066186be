// A cell layer's own rhythm filters (hours of the day, weekdays), as the sample's "empty
// stations on weekday mornings" needs: they hold on top of the dataset's time state, which
// every layer on the dataset follows (the timeline's window and filters). A row counts when
// both keep it, so the two are intersected into the one window the engine takes.
import { z } from 'zod';
import type { HourRange, TimeWindow } from '../engine/protocol';
import { t } from '../i18n/t';

export const LayerRhythm = z
  .object({
    hours: z
      .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
      .refine((h) => h.from % 24 !== h.to % 24, { message: 'hours: from equals to' })
      .optional()
      .describe('Only rows with from ≤ local hour < to (may wrap midnight, 22 to 2).'),
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional().describe('Only these ISO weekdays, 1 = Monday … 7 = Sunday.'),
  })
  .describe("Hours and weekdays this layer counts, on top of its dataset's time window; read in the dataset's display zone.");
export type LayerRhythm = z.infer<typeof LayerRhythm>;

const DAY_MINUTES = 1440;

/** The minutes of the day an hour range keeps (to < from wraps midnight). */
function minutesOf(h: HourRange): Uint8Array {
  const kept = new Uint8Array(DAY_MINUTES);
  const from = Math.round(h.from * 60) % DAY_MINUTES;
  const to = Math.round(h.to * 60) % DAY_MINUTES;
  for (let m = from; m !== to; m = (m + 1) % DAY_MINUTES) kept[m] = 1;
  return kept;
}

/** The kept minutes as one range, 'all' when every minute is kept, 'none', or 'split' (two or more runs). */
function asRange(kept: Uint8Array): HourRange | 'all' | 'none' | 'split' {
  let starts = 0;
  let start = -1;
  let total = 0;
  for (let m = 0; m < DAY_MINUTES; m++) {
    total += kept[m];
    if (kept[m] && !kept[(m + DAY_MINUTES - 1) % DAY_MINUTES]) {
      starts++;
      start = m;
    }
  }
  if (total === 0) return 'none';
  if (total === DAY_MINUTES) return 'all';
  if (starts > 1) return 'split';
  const end = (start + total) % DAY_MINUTES;
  return { from: start / 60, to: end === 0 ? 24 : end / 60 };
}

const hourText = (h: HourRange) => `${h.from}–${h.to}`;

/**
 * The window a layer with `rhythm` asks for: its dataset's `window` (which may be only the
 * time column and zone, filtering nothing) with the hours and weekdays both keep. Throws a
 * message for the user when they keep nothing together or hours in two separate runs, and
 * when the dataset has no time column to read them on.
 */
export function withRhythm(window: TimeWindow | undefined, rhythm: LayerRhythm | undefined, layer: string): TimeWindow | undefined {
  if (!rhythm || (!rhythm.hours && !rhythm.days)) return window;
  if (!window) throw new Error(t('layers.rhythmNoTime', { layer }));
  const out: TimeWindow = { ...window };
  if (rhythm.days) {
    const days = (window.days ?? [1, 2, 3, 4, 5, 6, 7]).filter((d) => rhythm.days!.includes(d));
    if (!days.length) throw new Error(t('layers.rhythmNoDays', { layer }));
    if (days.length < 7) out.days = days;
  }
  if (rhythm.hours) {
    const kept = minutesOf(rhythm.hours);
    if (window.hours) {
      const theirs = minutesOf(window.hours);
      for (let m = 0; m < DAY_MINUTES; m++) kept[m] &= theirs[m];
    }
    const range = asRange(kept);
    if (range === 'none' || range === 'split') {
      const key = range === 'none' ? 'layers.rhythmNoHours' : 'layers.rhythmSplitHours';
      throw new Error(t(key, { layer, layerHours: hourText(rhythm.hours), datasetHours: window.hours ? hourText(window.hours) : '' }));
    }
    if (range !== 'all') out.hours = range;
  }
  return out;
}

/** Whether a window filters anything: a bound, hours or weekdays (a column and zone alone do not). */
export function filters(w: TimeWindow | undefined): w is TimeWindow {
  return !!w && (w.from !== undefined || w.to !== undefined || !!w.hours || !!w.days);
}

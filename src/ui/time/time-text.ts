// Time as the panel words it: durations ("1 hour", "3 days"), windows on the display zone's
// clock, and the options of the playback's selects.
import { formatDateTime, t } from '../../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in its largest whole unit. */
export function durationText(ms: number): string {
  if (ms % DAY === 0) return t('time.days', { n: ms / DAY });
  if (ms % HOUR === 0) return t('time.hours', { n: ms / HOUR });
  return t('time.minutes', { n: Math.round(ms / MINUTE) });
}

/** A window on `zone`'s clock: "Mar 14, 2024, 8:00 AM – Mar 15, 2024, 8:00 AM". */
export function windowText(from: number, to: number, zone: string): string {
  return t('time.windowRange', { from: formatDateTime(from, zone), to: formatDateTime(to, zone) });
}

export const STEP_CHOICES = [15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, DAY, 7 * DAY];
export const WINDOW_CHOICES = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY, 30 * DAY];
export const SPEED_CHOICES = [0.5, 1, 2, 4, 8];

/** The choices with `current` among them, ascending. */
export function withCurrent(choices: readonly number[], current: number): number[] {
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}

// Rhythm filters: hours of the day (07:00 ≤ local < 10:00, or wrapping midnight as
// 22–02) and ISO weekdays, in the display zone's wall time, parsed from text and checked.
import { EngineError } from '../engine-error';
import { isoWeekday, minuteOfDay } from './calendar';

/** from ≤ local time < to, in hours (fractions are minutes); to < from wraps midnight. */
export interface HourRange {
  from: number;
  to: number;
}

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const CLOCK = /^(\d{1,2})(?::(\d{2}))?$/;

function clockHours(text: string, whole: string): number {
  const m = CLOCK.exec(text.trim());
  const h = m ? Number(m[1]) + Number(m[2] ?? 0) / 60 : NaN;
  if (!m || Number(m[2] ?? 0) > 59 || h > 24) throw new EngineError('hours-not-clock', { text: whole, part: text });
  return h;
}

/** `7-10`, `07:30-9`, `22-2` (wraps midnight). */
export function parseHours(text: string): HourRange {
  const parts = text.split('-');
  if (parts.length !== 2) throw new EngineError('hours-syntax', { text });
  return checkHours({ from: clockHours(parts[0], text), to: clockHours(parts[1], text) });
}

/** A range checked: whole minutes within 0–24, from ≠ to. */
export function checkHours(h: HourRange): HourRange {
  const ok = (x: number) => Number.isFinite(x) && x >= 0 && x <= 24 && Math.abs(x * 60 - Math.round(x * 60)) < 1e-9;
  if (!ok(h.from) || !ok(h.to)) throw new EngineError('hours-not-minutes', { from: String(h.from), to: String(h.to) });
  if (h.from % 24 === h.to % 24) throw new EngineError('hours-empty', { from: String(h.from), to: String(h.to) });
  return h;
}

/** `mon-fri`, `sat,sun`, `mon,wed-fri`, `fri-mon` (wraps the week): ISO weekdays, ascending. */
export function parseDays(text: string): number[] {
  const day = (d: string) => {
    const i = WEEKDAYS.indexOf(d.trim().toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number]);
    if (i < 0 || d.trim().length < 3) throw new EngineError('days-not-weekday', { text, part: d.trim() });
    return i + 1;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const ends = part.split('-');
    if (ends.length > 2 || !part.trim()) throw new EngineError('days-syntax', { text });
    const a = day(ends[0]);
    const b = ends.length === 2 ? day(ends[1]) : a;
    for (let d = a; ; d = (d % 7) + 1) {
      out.add(d);
      if (d === b) break;
    }
  }
  return [...out].sort((x, y) => x - y);
}

/** Weekdays checked: whole numbers 1–7, at least one. */
export function checkDays(days: readonly number[]): number[] {
  if (!days.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new EngineError('days-not-iso', { days: days.join(',') });
  }
  return [...new Set(days)].sort((x, y) => x - y);
}

/** A predicate on wall times for the filters given (null when there are none). */
export function rhythmTest(hours: HourRange | undefined, days: readonly number[] | undefined): ((wall: number) => boolean) | null {
  if (!hours && !days) return null;
  const f = hours ? Math.round(hours.from * 60) % 1440 : 0;
  const t = hours ? Math.round(hours.to * 60) % 1440 : 0;
  const wraps = t < f;
  const dayOk = new Uint8Array(8);
  for (const d of days ?? [1, 2, 3, 4, 5, 6, 7]) dayOk[d] = 1;
  return (wall) => {
    if (!dayOk[isoWeekday(wall)]) return false;
    if (!hours) return true;
    const m = minuteOfDay(wall);
    return wraps ? m >= f || m < t : m >= f && m < t;
  };
}

// Calendar arithmetic on wall-clock times held as epoch ms of the same reading in UTC:
// bin boundaries (hour, day, ISO week from Monday, month), ISO weekday, minute of day.

/** The calendar bins a time axis can be cut into. */
export type CalendarBin = 'hour' | 'day' | 'week' | 'month';

export const CALENDAR_BINS: readonly CalendarBin[] = ['hour', 'day', 'week', 'month'];

const HOUR = 3_600_000;
const DAY = 86_400_000;

const floorDiv = (a: number, b: number) => Math.floor(a / b);

/** ISO weekday of a wall time: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(wall: number): number {
  return ((((floorDiv(wall, DAY) + 3) % 7) + 7) % 7) + 1;
}

/** Minutes since local midnight, 0–1439. */
export function minuteOfDay(wall: number): number {
  return floorDiv(wall - floorDiv(wall, DAY) * DAY, 60_000);
}

/** The start of the bin holding wall time `w`. */
export function binFloor(bin: CalendarBin, w: number): number {
  switch (bin) {
    case 'hour':
      return floorDiv(w, HOUR) * HOUR;
    case 'day':
      return floorDiv(w, DAY) * DAY;
    case 'week': {
      const d = floorDiv(w, DAY);
      return (d - (isoWeekday(w) - 1)) * DAY;
    }
    case 'month': {
      const t = new Date(w);
      return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1);
    }
  }
}

/** The start of the bin after the one starting at wall time `start`. */
export function binNext(bin: CalendarBin, start: number): number {
  switch (bin) {
    case 'hour':
      return start + HOUR;
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month': {
      const t = new Date(start);
      return Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1);
    }
  }
}

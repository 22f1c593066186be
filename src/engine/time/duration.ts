// How long a window lasts counting only the hours the rhythm filters keep (issue 11:
// "with --hours/--days filters, only the filtered hours count"), in the display zone.
import { rhythmTest, type HourRange } from './rhythm';
import { localOf, type ZoneOffsets } from './zone';

const MINUTE = 60_000;

/** Milliseconds of [from, to) whose display-zone wall time passes the filters (every zone offset is whole minutes since 1970). */
export function filteredMs(from: number, to: number, z: ZoneOffsets, hours: HourRange | undefined, days: readonly number[] | undefined): number {
  const passes = rhythmTest(hours, days);
  if (!passes) return Math.max(0, to - from);
  let total = 0;
  for (let t = from; t < to; ) {
    const next = Math.min(to, Math.floor(t / MINUTE) * MINUTE + MINUTE);
    if (passes(localOf(z, t))) total += next - t;
    t = next;
  }
  return total;
}

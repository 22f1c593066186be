// Time windows answered from the cube (issue 12): a brush or a playback frame asks the same
// layer for window after window, so from the second such request on, the layer's rows are
// held as moments per cell × local hour bin (src/engine/cube) and a window aligned to hour
// bins, with whole-hour and weekday rhythm filters, is a merge over its bins, not a rescan.
// Anything else — an unaligned bound, a window at the data's edge, a statistic the moments
// do not give — returns null and the caller rescans the rows, which also words every error.
import type { AggregateRequest, DatasetInfo, TimeWindow } from '../protocol';
import { cubeBytes, cubeWindow, type Cube, type CubeWindow, type Moments } from '../cube';
import { checkDays, checkHours, instantOf, localOf, readTime, rhythmTest, type TimeBound, type ZoneOffsets } from '../time';
import { isKernelStat, type KernelStat } from './stats';
import type { CellStats } from './reduce';
import { clockOf } from './time-rows';

const HOUR = 3_600_000;

/** A cube as the aggregator holds it: built from one assignment (`owner`), in one display zone. */
export interface HeldCube {
  cube: Cube;
  display: ZoneOffsets;
  sql: string[];
}

/** The cube's key: everything in a request but its window and rhythm filters; null when no cube can answer it. */
export function cubeKey(req: AggregateRequest, scheme: string): string | null {
  const t = req.time;
  const stat = req.stat ?? 'count';
  if (!t || req.bin !== undefined || !(isKernelStat(stat) || stat === 'share')) return null;
  const of = stat === 'count' ? null : stat === 'share' ? req.share ?? null : req.value ?? null;
  return JSON.stringify([req.dataset, scheme, stat, of, req.filters ?? [], t.column, t.format ?? null, t.zone ?? 'UTC']);
}

/** Index of `ms` among the cube's bin starts, or −1 when no bin starts there. */
function binAt(starts: Float64Array, ms: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] === ms) return mid;
    if (starts[mid] < ms) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The bins and rhythm tables a window keeps, or null when the cube cannot say exactly. */
export function cubeRange(held: HeldCube, time: TimeWindow, info: DatasetInfo): CubeWindow | null {
  const { cube, display } = held;
  const B = cube.bins;
  // Bounds of a column of unknown zone compare with wall times, which DST makes ambiguous.
  if (B === 0 || clockOf(info, time.column).kind === 'unknown') return null;
  const instant = (v: string | number, what: TimeBound) => {
    const t = readTime(v, what);
    return t.kind === 'instant' ? t.ms : instantOf(display, t.ms);
  };
  let from = -Infinity, to = Infinity;
  try {
    if (time.from !== undefined) from = instant(time.from, 'start');
    if (time.to !== undefined) to = instant(time.to, 'end');
  } catch {
    return null;
  }
  const first = cube.starts[0], last = cube.starts[B - 1];
  if (!(from < to) || from > last || to <= first) return null;
  const b0 = from <= first ? 0 : binAt(cube.starts, from);
  const b1 = to >= last + HOUR ? B : binAt(cube.starts, to);
  if (b0 < 0 || b1 <= b0) return null;
  const hours = time.hours ? rhythmHours(time) : null;
  if (hours === undefined) return null;
  let days: Uint8Array | null = null;
  if (time.days) {
    days = new Uint8Array(8);
    for (const d of checkDays(time.days)) days[d] = 1;
  }
  return { b0, b1, hours: hours && hourTable(hours, cube, display), days };
}

/** Whole-hour rhythm ranges (a cube bin is one local hour); undefined for ranges with minutes. */
function rhythmHours(time: TimeWindow): ReturnType<typeof rhythmTest> | undefined {
  const h = checkHours(time.hours!);
  if (!Number.isInteger(h.from) || !Number.isInteger(h.to)) return undefined;
  return rhythmTest(h, undefined);
}

/** Which local hours 0–23 the test keeps, read at the wall time a bin of each hour starts. */
function hourTable(test: NonNullable<ReturnType<typeof rhythmTest>>, cube: Cube, display: ZoneOffsets): Uint8Array {
  const table = new Uint8Array(24);
  const done = new Uint8Array(24);
  for (let b = 0; b < cube.bins; b++) {
    const h = cube.hour[b];
    if (done[h]) continue;
    done[h] = 1;
    table[h] = test(localOf(display, cube.starts[b])) ? 1 : 0;
  }
  return table;
}

/** The statistic per cell from merged moments, as the row kernels give it (NaN: no values). */
export function momentStats(m: Moments, stat: KernelStat): CellStats {
  const C = m.rows.length;
  const values = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const n = m.n[c];
    switch (stat) {
      case 'count': values[c] = m.rows[c]; break;
      case 'sum': values[c] = n > 0 ? m.sum[c] : NaN; break;
      // avg is the sum over the count in DuckDB; the merged mean would differ in the last bits.
      case 'mean': values[c] = n > 0 ? m.sum[c] / n : NaN; break;
      case 'min': values[c] = n > 0 ? m.min[c] : NaN; break;
      case 'max': values[c] = n > 0 ? m.max[c] : NaN; break;
    }
  }
  return { counts: m.rows, values };
}

/** What answered a windowed request from a cube. */
export interface CubeAnswer {
  stats: CellStats;
  sql: string;
  /** When this request built the cube: how long that took (it is in the request's time too). */
  buildMs: number | null;
  bins: number;
  bytes: number;
}

const MAX_CUBES = 3;

/** The cubes of one aggregator, most recently used last, each built on its key's second request. */
export class WindowCubes {
  private readonly held = new Map<string, HeldCube & { owner: object; dataset: string }>();
  private readonly asked = new Map<string, object>();
  /** Cubes built and windows answered, for tests and the benchmark. */
  readonly counters = { built: 0, answered: 0 };

  /**
   * The request's cell statistics from its cube, or null to rescan. `owner` is the cell
   * assignment the cube reads: a new assignment (a reload) builds a new cube.
   */
  answer(req: AggregateRequest, info: DatasetInfo, scheme: string, owner: object, build: () => HeldCube): CubeAnswer | null {
    const key = cubeKey(req, scheme);
    if (key === null || !req.time) return null;
    let held = this.held.get(key);
    let buildMs: number | null = null;
    if (!held || held.owner !== owner) {
      // One windowed request is often the only one (a CLI run): rescan it, build on the next.
      if (this.asked.get(key) !== owner) {
        this.asked.set(key, owner);
        return null;
      }
      const b0 = performance.now();
      try {
        held = { ...build(), owner, dataset: req.dataset };
      } catch {
        return null; // filters or a column the cube cannot hold: the rescan says what is wrong, if anything
      }
      buildMs = performance.now() - b0;
      this.counters.built++;
    }
    this.held.delete(key);
    this.held.set(key, held);
    while (this.held.size > MAX_CUBES) this.held.delete(this.held.keys().next().value!);
    const range = cubeRange(held, req.time, info);
    if (!range) return null;
    // A share's cube holds its condition as 1 or 0: the share is their mean.
    const stat = req.stat ?? 'count';
    const stats = momentStats(cubeWindow(held.cube, range), stat === 'share' ? 'mean' : (stat as KernelStat));
    this.counters.answered++;
    const kept = `bins ${range.b0}–${range.b1 - 1} of ${held.cube.bins}${range.hours ? ', whole-hour rhythm filter' : ''}${range.days ? ', weekday filter' : ''}`;
    const sql = [...held.sql, `-- merged per cell from the time cube (moments per cell × local hour of ${held.display.zone}): ${kept}`].join(';\n');
    return { stats, sql, buildMs, bins: held.cube.bins, bytes: cubeBytes(held.cube) };
  }

  /** Drop every cube of a dataset (removed or reloaded). */
  forget(dataset: string): void {
    for (const [key, h] of [...this.held]) if (h.dataset === dataset) this.held.delete(key);
    for (const key of [...this.asked.keys()]) if (JSON.parse(key)[0] === dataset) this.asked.delete(key);
  }
}

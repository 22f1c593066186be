// Before/after per cell or district (issue 11): the statistic in each window, the change,
// and a test per cell (rate ratio for counts, Welch for means and unit values, two
// proportions for shares), corrected for testing every cell at once. Pure over what the
// aggregator reduced.
import type { CompareRequest, CompareResult, CompareTest } from '../protocol';
import type { CompareCells, WindowMoments } from '../aggregate/compare-cells';
import { listedCells, packResult } from '../aggregate/results';
import { checkMinCount } from '../aggregate/privacy';
import { message, type EngineMessage } from '../messages';
import { CHANGE_CLASSES, rateRatioTest, significanceLevel, twoProportionTest, welchTest, type ChangeClass } from '../stats';
import { EngineError } from '../engine-error';

const DAY_MS = 86_400_000;
/** Rows per distinct position above which repeated readings get a warning. */
export const REPEATED_READINGS_RATIO = 10;

const code = (c: ChangeClass) => CHANGE_CLASSES.indexOf(c);

function gather(from: Float64Array, chosen: Int32Array): Float64Array {
  const out = new Float64Array(chosen.length);
  for (let i = 0; i < chosen.length; i++) out[i] = from[chosen[i]];
  return out;
}

function gatherMoments(m: WindowMoments, chosen: Int32Array): WindowMoments {
  return { rows: gather(m.rows, chosen), n: gather(m.n, chosen), mean: gather(m.mean, chosen), variance: gather(m.variance, chosen), sum: gather(m.sum, chosen), value: gather(m.value, chosen) };
}

/** The window clipped to the data's time extent, in days (0 when they do not meet). */
function clippedDays([from, to]: [number, number], extent: [number, number] | null): number {
  if (!extent) return 0;
  return Math.max(0, Math.min(to, extent[1]) - Math.max(from, extent[0])) / DAY_MS;
}

/** Which test a request runs. */
export function compareTest(req: Pick<CompareRequest, 'stat' | 'unit'>): CompareTest {
  const stat = req.stat ?? 'count';
  if (req.unit) return 'welch-units';
  if (stat === 'count') return 'rate-ratio';
  if (stat === 'mean') return 'welch';
  if (stat === 'share') return 'two-proportion';
  return 'none';
}

/** Test, classify and pack a comparison. */
export function packCompare(req: CompareRequest, c: CompareCells): CompareResult {
  const k = checkMinCount(req.minCount);
  const fdr = req.fdr ?? true;
  const test = compareTest(req);
  // With rhythm filters only the hours they keep count towards each window's length.
  const days = c.filteredDays ?? { before: clippedDays(c.windowsMs.before, c.extentMs), after: clippedDays(c.windowsMs.after, c.extentMs) };
  if (days.before === 0) throw new EngineError('compare-window-outside', { window: 'before' });
  if (days.after === 0) throw new EngineError('compare-window-outside', { window: 'after' });
  const C = c.cells.count;
  const rowsBoth = new Float64Array(C);
  for (let i = 0; i < C; i++) rowsBoth[i] = c.before.rows[i] + c.after.rows[i];
  const chosen = listedCells(c.cells, rowsBoth);
  const b = gatherMoments(c.before, chosen);
  const a = gatherMoments(c.after, chosen);
  const n = chosen.length;
  // Counts over windows of unequal length become rates per day, so before and after compare.
  const perDay = test === 'rate-ratio' && Math.abs(days.before - days.after) > 1e-9;
  const before = new Float64Array(n), after = new Float64Array(n), change = new Float64Array(n), percent = new Float64Array(n);
  const p = new Float64Array(n).fill(NaN);
  const outside = new Uint8Array(n);
  const suppressed = new Uint8Array(n);
  const isDistricts = req.by.kind === 'districts';
  for (let i = 0; i < n; i++) {
    if (isDistricts && c.cells.ids[chosen[i]] < 0) outside[i] = 1;
    if (b.rows[i] < k || a.rows[i] < k) suppressed[i] = 1;
    if (test === 'rate-ratio') {
      before[i] = perDay ? b.rows[i] / days.before : b.rows[i];
      after[i] = perDay ? a.rows[i] / days.after : a.rows[i];
    } else {
      before[i] = b.value[i];
      after[i] = a.value[i];
    }
    change[i] = after[i] - before[i];
    percent[i] = before[i] !== 0 && Number.isFinite(before[i]) ? (100 * change[i]) / before[i] : NaN;
    if (outside[i] || suppressed[i]) continue;
    if (test === 'rate-ratio') p[i] = rateRatioTest(b.rows[i], a.rows[i], days.before, days.after);
    else if (test === 'welch' || test === 'welch-units') p[i] = welchTest(b.n[i], b.mean[i], b.variance[i], a.n[i], a.mean[i], a.variance[i]).p;
    else if (test === 'two-proportion') p[i] = b.n[i] > 0 && a.n[i] > 0 ? twoProportionTest(b.sum[i], b.n[i], a.sum[i], a.n[i]).p : NaN;
  }
  const level = significanceLevel(p, fdr);
  const classes = new Uint8Array(n);
  let tested = 0;
  for (let i = 0; i < n; i++) {
    if (outside[i]) classes[i] = code('outside');
    else if (suppressed[i]) classes[i] = code('suppressed');
    else if (!Number.isFinite(p[i])) classes[i] = code('no-test');
    else {
      tested++;
      const lv = level[i];
      const dir = change[i] > 0 ? 'increase' : 'decrease';
      classes[i] = Number.isNaN(lv) || change[i] === 0 ? code('no-significant-change') : code(`${dir}-${Math.round(100 - 100 * lv)}` as ChangeClass);
    }
  }
  const cells = packResult({
    req: { dataset: req.dataset, by: req.by, stat: c.stat, value: req.value, minCount: 0 },
    stat: c.stat,
    value: c.value,
    minCount: 0,
    bound: c.bound,
    cells: c.cells,
    stats: { counts: rowsBoth, values: new Float64Array(C).fill(NaN) },
    sql: c.sql,
    method: c.method,
    assignment: c.cached ? 'cached' : 'computed',
    timings: { t0: c.t0, assignMs: c.assignMs, queryMs: 0 },
  });
  cells.minCount = k;
  const countBefore = b.rows, countAfter = a.rows;
  let suppressedCells = 0;
  for (let i = 0; i < n; i++) {
    cells.values[i] = change[i];
    if (!suppressed[i]) continue;
    // Privacy: a suppressed cell shows no number at all, in either window.
    suppressedCells++;
    cells.suppressed[i] = 1;
    for (const arr of [cells.counts, cells.values, cells.perKm2, cells.per1000, countBefore, countAfter, before, after, change, percent]) if (arr) arr[i] = NaN;
  }
  cells.suppressedCells = suppressedCells;
  const warnings: EngineMessage[] = [];
  if (!req.unit && c.rowsPerPosition > REPEATED_READINGS_RATIO) {
    warnings.push(message('compare-repeated-readings', { ratio: Math.round(c.rowsPerPosition) }));
  }
  if (test === 'none') warnings.push(message('compare-no-test', { stat: c.stat }));
  return {
    cells,
    countBefore,
    countAfter,
    before,
    after,
    change,
    percentChange: percent,
    p,
    classes,
    test,
    perDay,
    days,
    unit: req.unit ?? null,
    tested,
    fdr,
    rowsPerPosition: c.rowsPerPosition,
    warnings,
    method: message('method-compare', {
      // ICU select keys cannot hold hyphens.
      test: test.replaceAll('-', ''),
      stat: c.stat,
      daysBefore: days.before,
      daysAfter: days.after,
      perDay: perDay ? 'yes' : 'no',
      unit: req.unit ? req.unit.column : '',
      unitBin: req.unit?.bin ?? '',
      units: req.unit ? 'yes' : 'no',
      fdr: fdr ? 'yes' : 'no',
      tested,
      minCount: k,
    }),
    sql: c.sql,
    timings: { totalMs: performance.now() - c.t0 },
  };
}

// The colour scale of a playback (issue 12): every window's cells, as the map would draw
// them, pooled into one classification so that colours mean the same in every frame.
// Windows on the cube's hour bins merge bins; the others aggregate their rows each.
import type { AggregateRequest, AggregateResult, Answer, PlaybackMeasure, PlaybackWindow, RequestOf } from '../protocol';
import type { Aggregator } from '../aggregate/aggregator';
import { colourScale, scaleParts } from '../../scales/colour';
import { message } from '../messages';
import { cubeWindow } from '../cube';
import { cubeWindowOf, momentStats, rhythmTables } from '../aggregate/cube-windows';
import { packResult } from '../aggregate/results';
import { checkMinCount } from '../aggregate/privacy';
import { isKernelStat } from '../aggregate/stats';

/** What a playback's domain works with (a part of the service context). */
export interface PlaybackContext {
  aggregator: Aggregator;
  signal: AbortSignal;
}

/** The numbers a cell layer's colours come from. */
function measureOf(r: AggregateResult, measure: PlaybackMeasure): Float64Array | null {
  return measure === 'value' ? r.values : measure === 'perKm2' ? r.perKm2 : r.per1000;
}

/** Add the finite, unsuppressed values of a window's result to the pool. */
function pool(into: number[], r: AggregateResult, measure: PlaybackMeasure): void {
  const v = measureOf(r, measure);
  if (!v) return;
  for (let i = 0; i < r.length; i++) if (!r.suppressed[i] && Number.isFinite(v[i])) into.push(v[i]);
}

function checkWindows(windows: PlaybackWindow[]): void {
  if (!Array.isArray(windows)) throw new Error('a playback needs a list of windows');
  windows.forEach((w, i) => {
    if (!Number.isFinite(w.from) || !Number.isFinite(w.to) || !(w.from < w.to)) {
      throw new Error(`playback window ${i + 1} is not a time window from < to in epoch ms (${String(w.from)}, ${String(w.to)})`);
    }
  });
}

/** Let queued messages (a cancel) in, then stop if the request was cancelled. */
async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
}

/** Pool every window from the layer's cube, answering its SQL; null (nothing pooled) when the cube cannot hold the layer or a window is not on its bins. */
async function fromCube(req: AggregateRequest, windows: PlaybackWindow[], measure: PlaybackMeasure, into: number[], ctx: PlaybackContext): Promise<string[] | null> {
  const stat = req.stat ?? 'count';
  const tables = req.time ? rhythmTables(req.time) : null;
  if (!isKernelStat(stat) || !tables) return null;
  let built: Awaited<ReturnType<Aggregator['cube']>>;
  try {
    built = await ctx.aggregator.cube(req);
  } catch {
    // What the cube cannot hold (a filter the kernels do not evaluate) aggregates per window, which reports any real error.
    return null;
  }
  const { cube, cells, bound } = built;
  const picked = windows.map((w) => cubeWindowOf(cube, w.from, w.to, tables));
  if (picked.some((w) => w === null)) return null;
  const k = checkMinCount(req.minCount);
  const method = bound.method({ positions: built.positions, cached: built.cached, kernel: 'js' });
  let last = performance.now();
  for (const w of picked) {
    if (performance.now() - last > 50) {
      await checkpoint(ctx.signal);
      last = performance.now();
    }
    // A window ending by the first bin or starting after the last lies outside the data's range: the map draws nothing, as perWindow skips it.
    if (w!.b1 === 0 || w!.b0 >= cube.bins) continue;
    const stats = momentStats(cubeWindow(cube, w!), stat);
    const t0 = performance.now();
    const r = packResult({ req, stat, value: req.value ?? null, minCount: k, bound, cells, stats, sql: '', method, assignment: 'cached', timings: { t0, assignMs: 0, queryMs: 0 } });
    pool(into, r, measure);
  }
  return built.sql;
}

/** The window is outside the data's time range: no cells, nothing to pool. */
const OUTSIDE = /lies outside the range of/;

/** Pool every window from its own aggregate. */
async function perWindow(req: AggregateRequest, windows: PlaybackWindow[], measure: PlaybackMeasure, into: number[], ctx: PlaybackContext): Promise<string[]> {
  const sqls: string[] = [];
  for (const w of windows) {
    await checkpoint(ctx.signal);
    let r: AggregateResult;
    try {
      r = await ctx.aggregator.aggregate({ ...req, time: { ...req.time!, from: w.from, to: w.to } });
    } catch (err) {
      if (OUTSIDE.test((err as Error).message)) continue;
      throw err;
    }
    // Every window runs the same statements (the window is applied to the rows in JS).
    if (!sqls.includes(r.sql)) sqls.push(r.sql);
    pool(into, r, measure);
  }
  return sqls;
}

export async function playbackDomainAnswer(request: RequestOf<'playback-domain'>, ctx: PlaybackContext): Promise<Answer<'playback-domain'>> {
  // The analysis does not change the cells' numbers the colours come from.
  const { kind, analysis: _analysis, ...req } = request.layer;
  if (req.by.kind !== kind) throw new Error(`a ${kind} layer cannot draw a ${req.by.kind} aggregation`);
  if (!req.time) throw new Error('a playback needs the layer’s time column (time.column)');
  checkWindows(request.windows);
  const plain: AggregateRequest = { ...req, bin: undefined };
  const pooled: number[] = [];
  const cubeSql = await fromCube(plain, request.windows, request.measure, pooled, ctx);
  const sql = (cubeSql ?? (await perWindow(plain, request.windows, request.measure, pooled, ctx))).join(';\n\n');
  const scale = scaleParts(colourScale(pooled, request.scale));
  const value = { scale, windows: request.windows.length, values: pooled.length, fromCube: cubeSql !== null, sql };
  const method = message('method-playback-domain', { windows: value.windows, values: value.values, cube: value.fromCube ? 'yes' : 'no' });
  return { request, sql, method, value };
}

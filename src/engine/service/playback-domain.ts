// The colour scale of a playback (issue 12): every window's cells, as the map would draw
// them, pooled into one classification so that colours mean the same in every frame.
// Each window is the layer's own aggregate, so from the second window on the aggregator
// merges the layer's time cube (aggregate/window-cube.ts) where the windows sit on its hour
// bins, and the frames that follow find that cube built.
import type { AggregateRequest, AggregateResult, Answer, PlaybackMeasure, PlaybackWindow, RequestOf } from '../protocol';
import type { Aggregator } from '../aggregate/aggregator';
import { colourScale, scaleParts } from '../../scales/colour';
import { message } from '../messages';
import { EngineError } from '../engine-error';
import { WINDOW_OUTSIDE } from '../time/rows';

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
  if (!Array.isArray(windows)) throw new EngineError('playback-no-windows');
  windows.forEach((w, i) => {
    if (!Number.isFinite(w.from) || !Number.isFinite(w.to) || !(w.from < w.to)) {
      throw new EngineError('playback-window-invalid', { n: String(i + 1), from: String(w.from), to: String(w.to) });
    }
  });
}

/** Let queued messages (a cancel) in, then stop if the request was cancelled. */
async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
}


/** Pool every window from its own aggregate. */
async function perWindow(req: AggregateRequest, windows: PlaybackWindow[], measure: PlaybackMeasure, into: number[], ctx: PlaybackContext): Promise<{ sqls: string[]; fromCube: number }> {
  const sqls: string[] = [];
  let fromCube = 0;
  let last = performance.now();
  for (const w of windows) {
    if (performance.now() - last > 50) {
      await checkpoint(ctx.signal);
      last = performance.now();
    }
    let r: AggregateResult;
    try {
      r = await ctx.aggregator.aggregate({ ...req, time: { ...req.time!, from: w.from, to: w.to } });
    } catch (err) {
      // The window is outside the data's time range: no cells, nothing to pool.
      if (err instanceof EngineError && err.code === WINDOW_OUTSIDE) continue;
      throw err;
    }
    if (r.cube) fromCube++;
    // Windows run the same statements (the window is applied to the rows in JS, or to the cube's bins).
    if (!sqls.includes(r.sql)) sqls.push(r.sql);
    pool(into, r, measure);
  }
  return { sqls, fromCube };
}

export async function playbackDomainAnswer(request: RequestOf<'playback-domain'>, ctx: PlaybackContext): Promise<Answer<'playback-domain'>> {
  // The analysis does not change the cells' numbers the colours come from.
  const { kind, analysis: _analysis, ...req } = request.layer;
  if (req.by.kind !== kind) throw new EngineError('layer-kind-mismatch', { kind, by: req.by.kind });
  if (!req.time) throw new EngineError('playback-no-time');
  checkWindows(request.windows);
  const plain: AggregateRequest = { ...req, bin: undefined };
  const pooled: number[] = [];
  const { sqls, fromCube } = await perWindow(plain, request.windows, request.measure, pooled, ctx);
  const sql = sqls.join(';\n\n');
  const scale = scaleParts(colourScale(pooled, request.scale));
  // The first window rescans the rows; the cube answers the rest when it can hold the layer.
  const value = { scale, windows: request.windows.length, values: pooled.length, fromCube: fromCube > 0, sql };
  const method = message('method-playback-domain', { windows: value.windows, values: value.values, cube: value.fromCube ? 'yes' : 'no' });
  return { request, sql, method, value };
}

// Step records and the loop that fills them: one record per table row, with samples
// (after warm-up), long tasks, a peer and goals. A failing op marks the step with why:
// 'not available' when the engine lacks the feature (it lights up once it exists),
// 'timeout', 'skipped' after a timeout closed the page, or 'error'.
import { SessionDead, StepTimeout } from './session.mjs';

const MISSING = /not supported|cannot read polygon|unknown aggregation|not implemented|has no |reading 'apply'|is not a function|no method/i;

export function classify(err) {
  const msg = String(err?.message ?? err);
  if (err instanceof StepTimeout) return ['timeout', msg];
  if (err instanceof SessionDead) return ['skipped', msg.replace(/^skipped: /, '')];
  if (/crash|Target (page, context or browser )?(has been )?closed/i.test(msg)) return ['crashed', msg];
  if (MISSING.test(msg)) return ['not available', msg];
  return ['error', msg];
}

export function newStep(id, label, { unit = 'ms', note, goals, peer } = {}) {
  return {
    id,
    label,
    unit,
    status: 'ok',
    reason: null,
    samples: [],
    warmups: [],
    longTasks: [],
    details: [],
    note,
    goals,
    peer: peer ? { ...peer, status: 'ok', reason: null, samples: [], warmups: [], longTasks: [], details: [] } : undefined,
  };
}

export function setStatus(target, status, reason) {
  if (target.status !== 'ok') return;
  target.status = status;
  target.reason = reason;
}

/** Drop what the table does not need from an op result before keeping it in the JSON. */
function slim(r) {
  const { longTasks, ...rest } = r ?? {};
  return rest;
}

/**
 * Run `fn` once as run `i` of a step (runs below `warmup` are warm-ups) and keep
 * `pick(result)` as the sample. Returns the op result, or null once the step failed.
 */
export async function sampleInto(target, i, warmup, fn, { pick = (r) => r.ms, longTasks = true, log } = {}) {
  if (target.status !== 'ok') return null;
  try {
    const r = await fn();
    const value = pick(r);
    (i < warmup ? target.warmups : target.samples).push(value);
    if (i >= warmup && longTasks && target.longTasks) target.longTasks.push(r.longTasks ?? null);
    target.details.push(slim(r));
    log?.(`  ${target.label ?? target.id}${i < warmup ? ' (warm-up)' : ''}: ${Number(value).toFixed(1)}`);
    return r;
  } catch (err) {
    const [status, reason] = classify(err);
    setStatus(target, status, reason);
    log?.(`  ${target.label ?? target.id}: ${status}: ${reason}`);
    return null;
  }
}

/** Mark a step as depending on another step that did not succeed. */
export function dependsOn(step, other, what) {
  if (other.status !== 'ok') setStatus(step, other.status === 'not available' ? 'not available' : 'skipped', `${what}: ${other.reason ?? other.status}`);
}

/** Goal helpers: an upper bound on our median, on our/peer ratio, on long tasks. */
export const atMost = (ms, text) => ({ text, check: (s) => (s.stats ? s.stats.median <= ms : null) });
export const rateAtLeast = (perSecond, text) => ({ text, check: (s) => (s.stats ? s.stats.median >= perSecond : null) });
export const ratioAtMost = (r, text) => ({ text, check: (s) => (s.ratio != null ? s.ratio <= r : null) });
export const longTasksAtMost = (ms, text) => ({ text, check: (s) => (s.longTaskStats ? s.longTaskStats.totalMs <= ms : null) });

// Benchmark operations for the analysis requests (issue 11) and the SQL console's
// cancel (issue 15), on the real engine worker through the app's connector: Gi*
// hotspots, before/after comparisons, and Cancel → the next answer.
import type { AggregateRequest, CompareRequest, HotspotRequest, HotspotResult } from '../src/engine/protocol';
import { HOTSPOT_CLASSES } from '../src/engine/stats/classes';
import { isAbortError } from '../src/engine/abort';
import { api, call, datasetId, resolveRequest, type BenchRequest } from './engine-ops';
import { timed } from './probe';

/** A hotspots request whose dataset (and district polygons) are benchmark keys. */
export type BenchHotspot = BenchRequest & Omit<HotspotRequest, keyof AggregateRequest>;

/** The last analytical and permutation results, kept in the page for the @geoda/lisa peer (peers.ts's lisa*). */
export const lastHotspots: { analytical: HotspotResult | null; permutation: HotspotResult | null } = { analytical: null, permutation: null };

/** Class codes of the hot and cold classes (any confidence). */
const HOT_OR_COLD = new Set(HOTSPOT_CLASSES.flatMap((c, i) => (c.startsWith('hot-') || c.startsWith('cold-') ? [i] : [])));

export async function hotspots(req: BenchHotspot) {
  const { neighbours, rate, includeEmpty, fdr, permutations, seed, ...rest } = req;
  const request: HotspotRequest = { ...resolveRequest(rest), neighbours, rate, includeEmpty, fdr, permutations, seed };
  const t = await timed(() => call(api().query({ type: 'hotspots', ...request })));
  const r = t.value.value;
  if (r.permutations > 0) lastHotspots.permutation = r;
  else lastHotspots.analytical = r;
  let significant = 0;
  for (const c of r.classes) if (HOT_OR_COLD.has(c)) significant++;
  const { aggregateMs, neighboursMs, statsMs, totalMs } = r.timings;
  return {
    ms: t.ms,
    longTasks: t.longTasks,
    cells: r.cells.length,
    observations: r.observations,
    tested: r.tested,
    links: r.links,
    significant,
    permutations: r.permutations,
    assignment: r.cells.assignment,
    engine: r.timings,
    // The engine's own time after the aggregate: neighbour lookup, z, p (p_perm), FDR, classes, packing.
    computeMs: totalMs - aggregateMs,
    neighboursMs,
    statsMs,
    aggregateMs,
  };
}

/** Cells of a grid, hexagon or H3 aggregate, without the statistic: for picking a grid size. */
export async function cellCount(req: BenchRequest) {
  const t = await timed(() => call(api().query({ type: 'aggregate', ...resolveRequest(req) })));
  return { ms: t.ms, cells: t.value.value.length, assignment: t.value.value.assignment };
}

/** A before/after request whose dataset and district polygons are benchmark keys. */
export interface BenchCompare extends Omit<CompareRequest, 'dataset'> {
  points: string;
}

export async function compare({ points, by, ...rest }: BenchCompare) {
  const request: CompareRequest = { ...rest, dataset: datasetId(points), by: resolveRequest({ points, by }).by };
  const t = await timed(() => call(api().query({ type: 'compare', ...request })));
  const r = t.value.value;
  return {
    ms: t.ms,
    longTasks: t.longTasks,
    cells: r.cells.length,
    tested: r.tested,
    test: r.test,
    rows: r.cells.rows,
    engineMs: r.timings.totalMs,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Start `sql` (a runaway statement) through console-run, let it run `runMs`, cancel it
 * as the console's Cancel button does (aborting the call's signal: the connector rejects
 * at once and sends cancel(id) to the worker), and time from the abort until the engine
 * answers the follow-up: a console SELECT or a datasets request.
 */
export async function consoleCancel({ points, runMs, followUp }: { points: string; runMs: number; followUp: 'select' | 'datasets' }) {
  const table = datasetId(points);
  // A cross join of the table with itself: 3.2 × 10¹² pairs for Citi Bike, hours of work.
  const sql = `SELECT count(*) AS pairs FROM ${table} AS a, ${table} AS b`;
  const controller = new AbortController();
  let ended: string | null = null;
  const runaway = call(api().query({ type: 'console-run', sql, maxRows: 10 }, { signal: controller.signal }));
  const settled = runaway.then(
    () => void (ended = 'it answered'),
    (err) => void (ended = isAbortError(err) ? 'cancelled' : `it failed: ${String((err as Error).message ?? err)}`),
  );
  await sleep(runMs);
  if (ended) throw new Error(`the runaway statement ended before Cancel (${ended})`);
  const t = await timed(async () => {
    controller.abort();
    if (followUp === 'datasets') return (await call(api().query({ type: 'datasets' }))).value.length;
    const run = (await call(api().query({ type: 'console-run', sql: 'SELECT 42 AS answer' }))).value;
    if (!run.ok) throw new Error(`the follow-up SELECT failed: ${JSON.stringify(run.error)}`);
    return run.rowsShown;
  });
  await settled;
  if (ended !== 'cancelled') throw new Error(`the runaway statement was not cancelled: ${ended}`);
  return { ms: t.ms, longTasks: t.longTasks, followUp, answerRows: t.value, ranMs: runMs };
}

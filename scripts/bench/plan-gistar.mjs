// Gi* at scale (issue 11's benchmark): on a scale size's synthetic points, a fine grid
// whose size is searched until it gives about the target number of cells, then the
// engine's hotspots request (ring:1, FDR on) analytical and with 999 permutations,
// against @geoda/lisa's localGStar (999 permutations) on the same cells and weights.
import { atMost, classify, newStep, ratioAtMost, sampleInto, setStatus } from './steps.mjs';

/** Target cells per scale size: 10k over 1M points, 100k over 10M (--quick: 2k over its 200k). */
export const GISTAR_TARGETS = { 1_000_000: 10_000, 10_000_000: 100_000, 200_000: 2_000 };

/** First guesses of the grid size (metres) per target, from earlier runs; the search corrects them. */
const FIRST_GUESS = { 2_000: 306, 10_000: 82.7, 100_000: 16.9 };

const PERMUTATIONS = 999;
const TOLERANCE = 0.05;

/** Grid sizes until the cell count is within TOLERANCE of the target: log-log secant steps. */
async function findGrid(s, target, opts) {
  const tried = [];
  let size = FIRST_GUESS[target] ?? 50;
  for (let i = 0; i < 8; i++) {
    const r = await s.op('cellCount', { points: 'synthetic', by: { kind: 'grid', sizeM: size }, minCount: 0 }, 300_000);
    tried.push({ sizeM: size, cells: r.cells, ms: r.ms });
    opts.log(`  grid ${size.toFixed(2)} m: ${r.cells.toLocaleString('en-US')} cells`);
    if (Math.abs(r.cells / target - 1) <= TOLERANCE) break;
    // cells ≈ a·size^b; b from the last two tries, −2 (area) until there are two.
    const prev = tried.at(-2);
    let b = prev ? Math.log(r.cells / prev.cells) / Math.log(size / prev.sizeM) : -2;
    if (!Number.isFinite(b) || b > -0.3) b = -2;
    size = Math.round(size * Math.pow(target / r.cells, 1 / b) * 100) / 100;
  }
  const last = tried.at(-1);
  return { sizeM: last.sizeM, cells: last.cells, tried };
}

/** The Gi* steps of one scale size (their records go into the scale entry). */
export function gistarRecords() {
  return {
    hotspots: newStep('hotspots', 'Gi* analytical (request)'),
    compute: newStep('hotspots-compute', 'Gi* analytical (engine compute)'),
    permutations: newStep('hotspots-perm', `Gi* ${PERMUTATIONS} permutations (request)`),
    lisa: newStep('lisa', `@geoda/lisa localGStar ${PERMUTATIONS} permutations`),
  };
}

/** Run the Gi* steps at this size, if it has a target; fills entry.gistar. */
export async function runGistar(s, entry, rec, cfg, opts) {
  const target = GISTAR_TARGETS[entry.rows];
  if (!target) return;
  const g = (entry.gistar = { target, ...rec, grid: null, firstRequest: null, agreement: null, lisaSetup: null });
  try {
    g.grid = await findGrid(s, target, opts);
  } catch (err) {
    g.error = `grid search: ${err.message}`;
    return;
  }
  const req = { points: 'synthetic', by: { kind: 'grid', sizeM: g.grid.sizeM }, minCount: 0, neighbours: { kind: 'ring', k: 1 }, fdr: true };
  const runs = cfg.warmup + cfg.scaleRuns;
  // The first request builds the neighbour list (cached after); the aggregate is already cached.
  for (let i = 0; i < runs; i++) {
    const r = await sampleInto(rec.hotspots, i, cfg.warmup, () => s.op('hotspots', req, 300_000), opts);
    if (!r) break;
    if (i === 0) g.firstRequest = { ms: r.ms, neighboursMs: r.neighboursMs, statsMs: r.statsMs, computeMs: r.computeMs, links: r.links, significant: r.significant };
    await sampleInto(rec.compute, i, cfg.warmup, async () => r, { ...opts, pick: (x) => x.computeMs, longTasks: false });
  }
  // The neighbour list is cached by now: at 100,000 cells (tens of seconds a run) no warm-up.
  const permWarmup = target >= 100_000 ? 0 : cfg.peerWarmup;
  for (let i = 0; i < permWarmup + cfg.peerRuns; i++) {
    await sampleInto(rec.permutations, i, permWarmup, () => s.op('hotspots', { ...req, permutations: PERMUTATIONS }, 600_000), opts);
  }
  if (target > cfg.lisaMaxCells) {
    setStatus(rec.lisa, 'skipped', `not run above ${cfg.lisaMaxCells.toLocaleString('en-US')} cells (the bench's time budget)`);
    return;
  }
  try {
    // Untimed: lisa's wasm started, the engine's analytical cells and values, ring:1 lists built in the page.
    g.lisaSetup = await s.op('lisaPrepare', {}, 300_000);
  } catch (err) {
    const [status, reason] = classify(err);
    setStatus(rec.lisa, status, `setup: ${reason}`);
    return;
  }
  const lisaRuns = target >= 100_000 ? cfg.lisaLargeRuns : cfg.peerWarmup + cfg.peerRuns;
  const lisaWarmup = target >= 100_000 ? 0 : cfg.peerWarmup;
  for (let i = 0; i < lisaRuns; i++) {
    await sampleInto(rec.lisa, i, lisaWarmup, () => s.op('lisaGStar', { permutations: PERMUTATIONS }, 900_000), opts);
  }
  if (rec.lisa.samples.length) g.agreement = await s.op('lisaAgreement', {}, 60_000).catch((err) => ({ error: err.message }));
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

/** Rows for the main table from one size's Gi* records. */
export function gistarSteps(entry, quick) {
  const g = entry.gistar;
  if (!g) return [];
  const points = entry.rows.toLocaleString('en-US');
  const cells = g.grid ? `${g.grid.cells.toLocaleString('en-US')} cells (grid ${g.grid.sizeM} m)` : `≈${g.target.toLocaleString('en-US')} cells`;
  const where = `${cells}, ${points} synthetic points, ring:1, FDR`;
  const goal100k = g.target === 100_000 ? [atMost(100, '≤ 100 ms')] : undefined;
  const lisaPeer = { id: 'geoda-lisa', label: `@geoda/lisa localGStar, ${PERMUTATIONS} permutations (wasm, main thread)` };
  const make = (id, label, rec, options = {}) => {
    const step = newStep(id, label, options);
    const failed = g.error && !rec.samples.length;
    Object.assign(step, { status: failed ? 'error' : rec.status, reason: failed ? g.error : rec.reason, samples: rec.samples, warmups: rec.warmups, longTasks: rec.longTasks, details: rec.details });
    if (step.peer) Object.assign(step.peer, { status: g.lisa.status, reason: g.lisa.reason, samples: g.lisa.samples, warmups: g.lisa.warmups, longTasks: g.lisa.longTasks });
    return step;
  };
  const first = g.firstRequest;
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const timed = g.hotspots.details.slice(-g.hotspots.samples.length);
  const split = timed.length ? `; timed runs, engine medians: aggregate (cached) ${median(timed.map((d) => d.aggregateMs)).toFixed(0)} ms, neighbours ${median(timed.map((d) => d.neighboursMs)).toFixed(1)} ms, z/p/FDR/classes ${median(timed.map((d) => d.statsMs)).toFixed(1)} ms` : '';
  const analytical = make(`gistar-${g.target}`, `Gi* analytical (z, p, FDR classes), ${where}: hotspots request, aggregate cached`, g.hotspots, { peer: lisaPeer, goals: goal100k });
  analytical.note = first
    ? `first request (builds the ring:1 list, ${first.links.toLocaleString('en-US')} links) ${first.ms.toFixed(0)} ms, of which neighbours ${first.neighboursMs.toFixed(0)} ms${split}; ${first.significant.toLocaleString('en-US')} cells hot or cold after FDR; the peer always permutes (it has no analytical p)`
    : undefined;
  const compute = make(`gistar-compute-${g.target}`, `Gi* analytical, ${where}: the engine's own time after the aggregate (neighbours from cache, z, p, FDR, classes)`, g.compute, { goals: goal100k });
  const perm = make(`gistar-perm-${g.target}`, `Gi* with ${PERMUTATIONS} permutations (p_perm), ${where}: hotspots request`, g.permutations, { peer: lisaPeer, goals: [ratioAtMost(1, 'faster than @geoda/lisa')] });
  const a = g.agreement;
  if (a && !a.error) {
    perm.agreement = a;
    perm.note =
      `p_perm and lisa's pseudo-p agree on p < ${a.alpha} in ${pct(a.permutation.share)} of ${a.permutation.compared.toLocaleString('en-US')} cells ` +
      `(both ${a.permutation.both}, ours only ${a.permutation.oursOnly}, lisa only ${a.permutation.theirsOnly}); ` +
      `analytical p vs lisa: ${pct(a.analytical.share)}; lisa's neighbour counts ${a.nnMatch ? 'match' : 'do not match'} the lists given`;
  } else if (a?.error) perm.note = `agreement: ${a.error}`;
  if (quick) for (const s of [analytical, compute, perm]) s.note = `${s.note ? `${s.note}; ` : ''}--quick: goals are for 100,000 cells`;
  return [analytical, compute, perm];
}

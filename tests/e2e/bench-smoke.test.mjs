// Smoke run of the benchmark (`npm run bench -- --quick`): every step must produce a
// result of the right shape. Nothing here asserts a time: CI machines vary too much.
// Set CITYLENS_SKIP_BENCH_SMOKE=1 to skip it (it takes a few minutes on 2 cores).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Steps that must run today; the others may say 'not available' until the engine grows them. */
const REQUIRED = [
  'engine-init', 'load-chicago-csv', 'load-citibike', 'load-tracts-geojson', 'hex-cold', 'hex-warm', 'grid-cold', 'grid-warm',
  'h3-cold', 'h3-warm', 'districts-cold', 'districts-warm', 'window-hex', 'window-h3', 'window-districts',
  'positions', 'draw-points', 'app-first-frame', 'app-cold-start', 'app-cold-live', 'app-pan-frames', 'gistar',
  'compare-boroughs-cold', 'compare-boroughs-warm', 'compare-tracts-cold', 'compare-tracts-warm', 'compare-hex-cold', 'compare-hex-warm',
  'console-cancel-select', 'console-cancel-datasets', 'budget-story', 'budget-story-bytes', 'time-brush-frame', 'h3-200000', 'gistar-2000', 'gistar-compute-2000', 'gistar-perm-2000',
];
const OPTIONAL = [];
const PAIRED = ['hex-cold', 'grid-cold', 'draw-points', 'gistar-2000', 'gistar-perm-2000', 'window-hex', 'window-h3', 'window-districts'];

function runBench(out) {
  // Reuse dist/ when `npm run test:e2e` has just built it, instead of building a copy.
  const appDist = existsSync(path.join(root, 'dist', 'index.html')) ? ['--app-dist', 'dist'] : [];
  const child = spawn(process.execPath, ['scripts/bench/run.mjs', '--quick', '--out', out, ...appDist], { cwd: root });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, log })));
}

const positive = (x) => Number.isFinite(x) && x > 0;

test(
  'npm run bench -- --quick: a result for every step, with sane shapes',
  { timeout: 1_200_000, skip: process.env.CITYLENS_SKIP_BENCH_SMOKE ? 'CITYLENS_SKIP_BENCH_SMOKE is set' : false },
  async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'citylens-bench-'));
    const { code, log } = await runBench(out);
    assert.equal(code, 0, `the bench failed:\n${log.slice(-4000)}`);
    const result = JSON.parse(readFileSync(path.join(out, 'latest.json'), 'utf8'));
    const byId = new Map(result.steps.map((s) => [s.id, s]));

    for (const id of [...REQUIRED, ...OPTIONAL]) {
      const step = byId.get(id);
      assert.ok(step, `no result for step ${id}`);
      const allowed = REQUIRED.includes(id) ? ['ok'] : ['ok', 'not available', 'not implemented'];
      assert.ok(allowed.includes(step.status), `${id}: ${step.status}: ${step.reason}`);
      if (step.status === 'ok') {
        assert.ok(step.stats.n >= 1, `${id}: no samples`);
        assert.ok(positive(step.stats.median) && step.stats.min <= step.stats.median && step.stats.median <= step.stats.max, `${id}: ${JSON.stringify(step.stats)}`);
      } else {
        assert.ok(step.reason, `${id} says ${step.status} without a reason`);
      }
    }
    for (const id of PAIRED) {
      const step = byId.get(id);
      assert.equal(step.peer?.status, 'ok', `${id}: peer ${step.peer?.status}: ${step.peer?.reason}`);
      assert.ok(positive(step.ratio), `${id}: ratio ${step.ratio}`);
    }
    // Wherever both sides ran, the ratio is there.
    for (const step of result.steps) {
      if (step.status === 'ok' && step.peer?.status === 'ok') assert.ok(positive(step.ratio), `${step.id}: no ratio`);
    }
    // Merging identical rows into one mark must not change the picture: where both frames
    // are opaque they agree to 8-bit rounding (only anti-aliased edges may differ more).
    const check = byId.get('draw-points').pixelCheck;
    assert.ok(check && check.opaque > 1000, `no pixel comparison: ${JSON.stringify(check)}`);
    assert.equal(check.over16Opaque, 0, JSON.stringify(check));
    assert.ok(check.maxDiffOpaque <= 8, JSON.stringify(check));

    // Gi* at scale: the grid search lands near its target, and lisa ran on the same cells and weights.
    const gi = result.scale[0].gistar;
    assert.ok(gi.grid && Math.abs(gi.grid.cells / gi.target - 1) <= 0.05, `grid search: ${JSON.stringify(gi.grid)}`);
    assert.equal(gi.lisaSetup.cells, gi.grid.cells);
    assert.equal(gi.lisaSetup.links, gi.firstRequest.links);
    const agreement = byId.get('gistar-perm-2000').agreement;
    assert.ok(agreement?.nnMatch, `lisa's neighbour counts differ: ${JSON.stringify(agreement)}`);
    const a = agreement.permutation;
    assert.equal(a.compared, a.both + a.oursOnly + a.theirsOnly + a.neither);
    assert.ok(a.compared > 0 && a.share >= 0 && a.share <= 1, JSON.stringify(a));
    // Both sides permute the same statistic with the same weights: most cells must agree.
    assert.ok(a.share > 0.8, `p_perm and lisa agree on only ${a.share}`);

    // Sliding windows on hour bins come from the time cube; the rescan peer never does.
    for (const id of ['window-hex', 'window-h3', 'window-districts']) {
      const step = byId.get(id);
      const last = step.details.at(-1);
      assert.ok(last.fromCube > 0 && last.fromCube >= last.aggregations - 1 && last.cubeBytes > 0, `${id}: ${JSON.stringify(last)}`);
      assert.equal(step.peer.details.at(-1).fromCube, 0, `${id}: the rescan peer used the cube`);
    }

    // Playback's long tasks may well be none (a median of 0): the step ran 10 s and counted.
    const play = byId.get('time-playback-long-tasks');
    assert.equal(play?.status, 'ok', `playback long tasks: ${play?.reason}`);
    assert.match(play.details.at(-1).frame, /^Frame \d+ of \d+$/);
    assert.ok(play.details.at(-1).otherTasks.count >= 0 && play.details.at(-1).drawTasks.count >= 0);

    // The citizen view's budget: bytes by kind add up, and the sample story needs no wasm.
    const budget = byId.get('budget-story-bytes').details.at(-1);
    const kinds = ['js', 'wasm', 'styles', 'data', 'tiles', 'glyphs', 'backdrop', 'other'];
    assert.equal(kinds.reduce((a, k) => a + budget.before[k], 0), budget.before.total);
    assert.ok(budget.before.js > 0 && budget.before.data > 0 && budget.total.total >= budget.before.total, JSON.stringify(budget));
    assert.deepEqual(budget.wasm, [], 'the citizen view fetched wasm for a published story');

    const scaled = result.steps.filter((s) => /^(hex|grid)-\d+$/.test(s.id));
    assert.equal(scaled.length, 2, 'the scale rows are missing');

    assert.ok(result.memory.length >= 2, 'no memory snapshots');
    assert.ok(result.memory.some((m) => positive(m.engine?.duckdbBytes)), 'DuckDB memory was never measured');
    assert.ok(result.memory.every((m) => positive(m.mainHeapBytes)), 'the JS heap was not measured');

    assert.equal(result.scale.length, 1);
    assert.equal(result.scale[0].status, 'ok', `scale: ${result.scale[0].reason}`);
    assert.ok(positive(result.scale[0].load.stats.median));
    assert.equal(result.largestScale, result.scale[0].rows);

    const md = readFileSync(path.join(out, 'latest.md'), 'utf8');
    assert.match(md, /\| step \| ours \|/);
    assert.ok(md.includes('Largest size that loaded'));
  },
);

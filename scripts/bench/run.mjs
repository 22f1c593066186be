#!/usr/bin/env node
// `npm run bench [-- --quick] [--runs N] [--sizes 1000000,5000000] [--scale-only] [--scale-steps h3,hex]
//   [--sections main,analysis,scale,app] [--lisa-max-cells N] [--no-build] [--no-app] [--app-dist DIR] [--out DIR]`
// Builds the bench page and the app, serves them, drives headless Chromium over the
// real files in ../shared/data, and writes bench-results/bench-<time>.{json,md}
// (plus latest.{json,md}), printing the Markdown table. Not a test: nothing is asserted.
// --scale-only runs just the scale table (no main session, no app); --scale-steps limits
// its measured steps to some of hex, grid, h3, draw, deck (the synthetic file is always
// written and loaded), e.g. `--scale-only --sizes 1000000,10000000 --scale-steps h3`.
// --sections picks the sessions: main (engine, files, aggregations, peers), analysis
// (compare periods, console Cancel), scale (one page per size; Gi* and lisa at 1M/10M),
// app (first frame, brush → frame and playback long tasks, and the citizen view's budget over a
// throttled gzip host); all four by default.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../serve-static.mjs';
import { ensureBuilt } from './build.mjs';
import { launchBrowser, openBenchPage, serveIsolated } from './session.mjs';
import { runMain } from './plan-main.mjs';
import { SCALE_STEPS, h3ScaleStep, runApp, runScale, scaleSteps } from './plan-extra.mjs';
import { runAnalysis } from './plan-analysis.mjs';
import { runBudget } from './plan-budget.mjs';
import { runTime } from './plan-time.mjs';
import { gistarSteps } from './plan-gistar.mjs';
import { finish, markdown } from './report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const SETTINGS = {
  full: { runs: 5, warmup: 1, peerRuns: 3, peerWarmup: 1, turfSample: 20_000, turfWarmupSample: 1_000, windowMs: 4_000, windowPasses: 3, scaleSizes: [1_000_000, 5_000_000, 10_000_000], scaleRuns: 3, appRuns: 3, appSettleMs: 30_000, budgetSettleMs: 5_000, deckMaxRows: 1_000_000, lisaMaxCells: 10_000, lisaLargeRuns: 1 },
  quick: { runs: 1, warmup: 0, peerRuns: 1, peerWarmup: 0, turfSample: 500, turfWarmupSample: 0, h3Sample: 100_000, windowMs: 1_000, windowPasses: 1, scaleSizes: [200_000], scaleRuns: 1, appRuns: 1, appSettleMs: 15_000, budgetSettleMs: 2_000, deckMaxRows: 1_000_000, lisaMaxCells: 100_000, lisaLargeRuns: 1 },
};

function parseArgs(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const cfg = { ...SETTINGS[quick ? 'quick' : 'full'] };
  if (opt('--runs')) cfg.runs = Number(opt('--runs'));
  // lisa took 441 s at 100,000 cells here (2.8 s at 10,000): above 10,000 only when asked.
  if (opt('--lisa-max-cells')) cfg.lisaMaxCells = Number(opt('--lisa-max-cells'));
  if (opt('--sizes')) cfg.scaleSizes = opt('--sizes').split(',').map(Number).filter((n) => n > 0);
  if (opt('--scale-steps')) {
    const steps = opt('--scale-steps').split(',');
    const unknown = steps.filter((x) => !SCALE_STEPS.includes(x));
    if (unknown.length) throw new Error(`--scale-steps: unknown ${unknown.join(', ')} (expected some of ${SCALE_STEPS.join(', ')})`);
    cfg.scaleSteps = steps;
  }
  const SECTIONS = ['main', 'analysis', 'scale', 'app'];
  let sections = argv.includes('--scale-only') ? ['scale'] : opt('--sections') ? opt('--sections').split(',') : SECTIONS;
  const unknownSections = sections.filter((x) => !SECTIONS.includes(x));
  if (unknownSections.length) throw new Error(`--sections: unknown ${unknownSections.join(', ')} (expected some of ${SECTIONS.join(', ')})`);
  if (argv.includes('--no-app')) sections = sections.filter((x) => x !== 'app');
  return {
    quick,
    sections,
    cfg,
    build: !argv.includes('--no-build'),
    app: sections.includes('app'),
    /** Serve this existing app build (e.g. dist/ right after `npm run build`) instead of building a copy. */
    appDist: opt('--app-dist') ? path.resolve(root, opt('--app-dist')) : null,
    out: path.resolve(root, opt('--out') ?? 'bench-results'),
  };
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

const NOTES = [
  'The machine has 2 shared CPU cores and other work ran on it at the same time: absolute times are noisy; ratios from interleaved or adjacent runs are the more stable numbers.',
  'Ours: the app\'s engine worker (src/engine/worker.ts, DuckDB-WASM blocking build + parquet-wasm), built by vite.bench.config.ts; each time is main-thread wall clock around one engine request (through the app\'s connector, src/ui/engine-client.ts, without the coordinator\'s cache), so it includes the worker round trip and transfers.',
  '"Cold" aggregations run right after a fresh load of the table (no cached H3/district assignment); "warm" ones change only the statistic or a filter (mean/sum of a column, range filters).',
  'deck.gl: HexagonLayer/GridLayer from @deck.gl/aggregation-layers 9.4 with gpuAggregation: false, positions through an accessor over Float64Arrays, timed from handing the new layer to Deck (setProps) to its onSetColorDomain callback; all of it runs on the main thread (see its long tasks).',
  'turf: turf.tag (points × 2,166 tract polygons) plus a count per tract, on a seeded random sample of Citi Bike positions; the time per point is scaled linearly to all 1,798,339 points (turf does a point-in-polygon test per point and polygon, so it is linear in points). Building the point features is not timed.',
  'h3-js: latLngToCell for every point plus a Map count, on the main thread.',
  'JSON.parse peer: fetch → text → JSON.parse → one object per feature ({...properties, geometry}); ours: the engine\'s loadUrl until the table is queryable.',
  'Scale: Citi Bike positions resampled with ±50 m uniform jitter (seeded), written to Parquet (Snappy, 1M-row groups) with parquet-wasm in the page (not timed as ours) and loaded with loadBytes (no fetch). Each size runs in a fresh page.',
  'Gi* at scale: on the 1M and 10M synthetic sets, a square grid whose size the runner searches (log-log secant steps) until it gives within 5 % of 10,000 / 100,000 cells; the engine\'s hotspots request with ring:1 (Chebyshev 1, up to 8 neighbours), FDR on, minCount 0 (every cell an observation), the count per cell as the value. "Request" is main-thread wall clock with the grid aggregate already cached; "engine compute" is the engine\'s own totalMs − aggregateMs (cached neighbour list, z, p, FDR, classes, packing).',
  '@geoda/lisa 0.0.22 localGStar (GeoDa\'s C++ in wasm, the package\'s own geoda-lisa.wasm served by the bench page via setDeliveryWASM, never its CDN) on the main thread: the same values and binary ring:1 weights as neighbour lists built in the page from the cells\' grid ids (their link count is checked to equal the engine\'s), 999 permutations, its default seed; timed around the call (its copy into wasm vectors included). Agreement: the share of cells where our p_perm (folded conditional permutation, seed 12345) and its pseudo-p are on the same side of 0.05.',
  'Compare periods: the engine\'s compare request (Welch test of the mean per cell) on a freshly loaded Citi Bike table (cold: the point → district/hexagon assignment is computed) and then with other windows on the same table (warm).',
  'Console Cancel: a runaway SELECT count(*) over the Citi Bike table cross-joined with itself through console-run, aborted after 1.5 s through the call\'s AbortSignal (what the console\'s Cancel does: the connector rejects at once and sends cancel(id); the engine cancels DuckDB\'s pending query between its slices); the time is from the abort until the follow-up request is answered.',
  'Memory: performance.memory (main thread), performance.measureUserAgentSpecificMemory (page + workers; the bench page is served cross-origin isolated for it), DuckDB\'s duckdb_memory() and PRAGMA database_size via the engine\'s "memory" request.',
];

export async function main(argv = process.argv.slice(2)) {
  const args = parseArgs(argv);
  const t0 = Date.now();
  const log = (m) => console.log(m);
  const meta = {
    date: new Date().toISOString(),
    quick: args.quick,
    runs: args.cfg.runs,
    warmup: args.cfg.warmup,
    settings: args.cfg,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    loadAvgStart: loadavg(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain']) !== '',
  };
  const built = args.build
    ? ensureBuilt(root, { skipApp: !args.app || !!args.appDist, log })
    : { page: path.join(root, 'bench-dist/page'), app: path.join(root, 'bench-dist/app') };
  if (args.appDist) built.app = args.appDist;
  if (!args.app) built.app = null;
  meta.app = built.app ? path.relative(root, built.app) : null;
  const pageServer = await serveIsolated(built.page, '/bench/');
  const appServer = built.app ? await serveStatic({ root: built.app, base: '/a/b/' }) : null;
  const browser = await launchBrowser();
  meta.chromium = `Chromium ${browser.version()}`;
  const steps = [];
  let memory = [];
  let scale = [];
  let capabilities = [];
  let distribution = null;
  try {
    const has = (x) => args.sections.includes(x);
    if (has('main')) {
      log('# main session: engine, real files, aggregations, peers');
      const s = await openBenchPage(browser, pageServer.url, { log });
      try {
        const r = await runMain(s, args.cfg, log);
        steps.push(...r.steps);
        ({ memory, capabilities, distribution } = r);
        if (args.quick && has('scale')) {
          log('# scale (in the main page)');
          scale = await runScale(browser, pageServer.url, args.cfg, log, distribution, s);
        }
      } finally {
        await s.close();
      }
    }
    if (has('analysis')) {
      log('# analysis: compare periods, console cancel (a fresh page)');
      steps.push(...(await runAnalysis(browser, pageServer.url, args.cfg, log)));
    }
    if (has('scale') && (!args.quick || !has('main'))) {
      log('# scale (a fresh page per size)');
      scale = await runScale(browser, pageServer.url, args.cfg, log, distribution);
    }
    const goalSize = scale.find((e) => e.rows === 1_000_000) ?? scale[0];
    if (goalSize) steps.push(...scaleSteps(goalSize, args.quick));
    const h3Size = scale.find((e) => e.rows === 10_000_000) ?? scale.at(-1);
    if (h3Size && h3Size.h3.samples.length) steps.push(h3ScaleStep(h3Size));
    for (const e of scale) steps.push(...gistarSteps(e, args.quick));
    if (appServer) {
      log('# app first frame');
      steps.push(...(await runApp(browser, appServer.url, args.cfg, log)));
      log('# time in the app: brush → frame, playback long tasks');
      steps.push(...(await runTime(browser, appServer.url, { ...args.cfg, quick: args.quick }, log)));
      log('# citizen view budget (gzip host, 9 Mbit/s, 150 ms)');
      steps.push(...(await runBudget(browser, built.app, args.cfg, log)));
    }
  } finally {
    await browser.close();
    await pageServer.close();
    await appServer?.close();
  }
  steps.forEach(finish);
  for (const e of scale) for (const k of ['synth', 'load', 'hex', 'grid', 'h3', 'deckHex', 'deckGrid', 'draw']) finish(e[k]);
  meta.loadAvgEnd = loadavg();
  meta.durationMs = Date.now() - t0;
  meta.capabilities = capabilities;
  const largest = scale.filter((e) => e.status === 'ok').map((e) => e.rows);
  const result = { meta, steps, memory, scale, largestScale: largest.length ? Math.max(...largest) : null, notes: NOTES };
  if (args.sections.length < 4) result.notes.push(`Only these sessions were run: ${args.sections.join(', ')}${args.cfg.scaleSteps ? ` (scale steps ${args.cfg.scaleSteps.join(', ')})` : ''}.`);
  mkdirSync(args.out, { recursive: true });
  const stamp = meta.date.replace(/[:.]/g, '-');
  const json = JSON.stringify(result, null, 1);
  const md = markdown(result);
  for (const name of [`bench-${stamp}`, 'latest']) {
    writeFileSync(path.join(args.out, `${name}.json`), json);
    writeFileSync(path.join(args.out, `${name}.md`), md);
  }
  console.log(`\n${md}\nWrote ${path.relative(root, path.join(args.out, `bench-${stamp}.json`))} and .md (${(meta.durationMs / 1000).toFixed(0)} s)`);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--render') {
  // Re-render a saved result: node scripts/bench/run.mjs --render bench-results/latest.json
  console.log(markdown(JSON.parse(readFileSync(path.resolve(process.argv[3]), 'utf8'))));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

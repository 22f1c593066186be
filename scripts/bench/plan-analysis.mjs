// The analysis session, in a fresh page of its own: before/after comparisons (the
// 'compare' request, issue 11) on the 1.8M Citi Bike rows by borough, tract and 500 m
// hexagon, cold and warm, and the SQL console's Cancel → next answer (issue 15).
import { openBenchPage } from './session.mjs';
import { DATA } from './plan-main.mjs';
import { atMost, newStep, sampleInto, setStatus } from './steps.mjs';

const BOROUGHS = 'data/nyc_boroughs.geojson';

const SCHEMES = [
  ['boroughs', 'boroughs (5 polygons)', { kind: 'districts', polygons: 'boroughs' }],
  ['tracts', 'census tracts (2,166 polygons)', { kind: 'districts', polygons: 'tracts' }],
  ['hex', 'hexagons r = 500 m', { kind: 'hexagon', sizeM: 500 }],
];

const COMPARE = {
  stat: 'mean',
  value: 'num_bikes_available',
  time: { column: 'ts_utc' },
  before: { from: '2024-03-13', to: '2024-03-17' },
  after: { from: '2024-03-17', to: '2024-03-21' },
};

/** Warm requests change the windows (same cells, so the point → cell assignment is cached). */
const WARM_WINDOWS = [
  { before: { from: '2024-03-14', to: '2024-03-18' }, after: { from: '2024-03-18', to: '2024-03-22' } },
  { before: { from: '2024-03-13', to: '2024-03-16' }, after: { from: '2024-03-18', to: '2024-03-21' } },
  { before: { from: '2024-03-13T12:00', to: '2024-03-17T12:00' }, after: { from: '2024-03-17T12:00', to: '2024-03-21T12:00' } },
  { before: { from: '2024-03-15', to: '2024-03-17' }, after: { from: '2024-03-17', to: '2024-03-19' } },
];

/** How long the runaway statement runs before Cancel. */
const RUN_BEFORE_CANCEL_MS = 1500;

function makeSteps() {
  const what = 'mean num_bikes_available, ts_utc 13–17 Mar vs 17–21 Mar 2024, 1.8M Citi Bike rows';
  const steps = {};
  for (const [id, label] of SCHEMES) {
    steps[`${id}Cold`] = newStep(`compare-${id}-cold`, `compare periods by ${label}: ${what}, cold (a fresh table)`);
    steps[`${id}Warm`] = newStep(`compare-${id}-warm`, `compare periods by ${label}, warm (other windows, assignment cached)`);
  }
  const cancel = 'SQL console: Cancel of a runaway cross join (1.8M × 1.8M rows) →';
  steps.cancelSelect = newStep('console-cancel-select', `${cancel} the next console SELECT answered`, { goals: [atMost(1000, '≤ 1 s')] });
  steps.cancelDatasets = newStep('console-cancel-datasets', `${cancel} a datasets request answered`, { goals: [atMost(1000, '≤ 1 s')] });
  return steps;
}

export async function runAnalysis(browser, url, cfg, log) {
  const S = makeSteps();
  const opts = { log };
  const total = cfg.warmup + cfg.runs;
  const s = await openBenchPage(browser, url, opts);
  try {
    await s.op('init', {}, 120_000);
    await s.op('load', { key: 'boroughs', url: BOROUGHS }, 120_000);
    await s.op('load', { key: 'tracts', url: DATA.tractsGeojson }, 120_000);
    // Every cold run gets a fresh Citi Bike table: a new table has no cached assignment.
    for (let i = 0; i < total; i++) {
      await s.op('load', { key: 'citibike', url: DATA.citibike }, 180_000);
      for (const [id, , by] of SCHEMES) {
        await sampleInto(S[`${id}Cold`], i, cfg.warmup, () => s.op('compare', { points: 'citibike', by, ...COMPARE }, 180_000), opts);
      }
      if (i < total - 1) await s.op('remove', { key: 'citibike' });
    }
    for (const [id, , by] of SCHEMES) {
      for (let i = 0; i < total; i++) {
        const windows = WARM_WINDOWS[i % WARM_WINDOWS.length];
        await sampleInto(S[`${id}Warm`], i, cfg.warmup, () => s.op('compare', { points: 'citibike', by, ...COMPARE, ...windows }, 180_000), opts);
      }
    }
    for (const [id] of SCHEMES) {
      if (S[`${id}Warm`].samples.length) S[`${id}Warm`].note = 'the rows sit at 2,202 distinct positions, so the assignment a cold run adds is small next to the per-request reduction over 1.8M rows';
      const d = S[`${id}Cold`].details.at(-1);
      if (d) S[`${id}Cold`].note = `${d.cells.toLocaleString('en-US')} cells, ${d.tested.toLocaleString('en-US')} tested (${d.test}), ${d.rows.toLocaleString('en-US')} rows in the windows; engine ${d.engineMs.toFixed(0)} ms`;
    }
    for (let i = 0; i < total; i++) {
      await sampleInto(S.cancelSelect, i, cfg.warmup, () => s.op('consoleCancel', { points: 'citibike', runMs: RUN_BEFORE_CANCEL_MS, followUp: 'select' }, 120_000), opts);
      await sampleInto(S.cancelDatasets, i, cfg.warmup, () => s.op('consoleCancel', { points: 'citibike', runMs: RUN_BEFORE_CANCEL_MS, followUp: 'datasets' }, 120_000), opts);
    }
    for (const step of [S.cancelSelect, S.cancelDatasets]) {
      step.note = `the statement ran ${RUN_BEFORE_CANCEL_MS} ms before Cancel (AbortSignal → the connector's cancel(id) → DuckDB's pending query cancelled at its next slice); timed from the abort to the follow-up's answer`;
    }
  } catch (err) {
    // Setup failed (a load): every step that has not run says why.
    for (const step of Object.values(S)) if (!step.samples.length) setStatus(step, 'error', `setup: ${err.message}`);
  } finally {
    await s.close();
  }
  return Object.values(S);
}

// The sessions that need a fresh page each: the scale test (one page per size, so a
// crash at 10M rows does not take the other results with it) and the app's own first
// frame (the production build, cold, reading its performance marks).
import { openBenchPage } from './session.mjs';
import { DATA } from './plan-main.mjs';
import { atMost, classify, newStep, ratioAtMost, sampleInto } from './steps.mjs';
import { gistarRecords, runGistar } from './plan-gistar.mjs';

const HEX = { kind: 'hexagon', sizeM: 500 };
const GRID = { kind: 'grid', sizeM: 500 };

/** The measured steps of a scale size that `cfg.scaleSteps` (--scale-steps) may pick; all by default. */
export const SCALE_STEPS = ['hex', 'grid', 'h3', 'gistar', 'draw', 'deck'];

/** One size's scale entry, and the Citi Bike distribution it resampled (null if its setup failed). */
async function scaleSize(browser, url, rows, cfg, log, distribution, shared) {
  const entry = { rows, status: 'ok', reason: null };
  const steps = {
    synth: newStep('synth', 'write Parquet'),
    load: newStep('load', 'file → queryable'),
    hex: newStep('hex', 'hex 500 m'),
    grid: newStep('grid', 'grid 500 m'),
    h3: newStep('h3', 'H3 res 9 cold'),
    deckHex: newStep('deck-hex', 'deck.gl hex'),
    deckGrid: newStep('deck-grid', 'deck.gl grid'),
    draw: newStep('draw', 'first frame of the points'),
  };
  Object.assign(entry, steps);
  const opts = { log: (m) => log(`[${rows.toLocaleString('en-US')}] ${m.trim()}`) };
  let s = shared;
  try {
    // Setup, not measured: the engine, and Citi Bike's positions to resample from.
    if (!s) {
      s = await openBenchPage(browser, url, opts);
      await s.op('init', {}, 120_000);
    }
    if (!distribution) {
      await s.op('load', { key: 'base', url: DATA.citibike }, 180_000);
      await s.op('positions', { key: 'base' }, 120_000);
      distribution = await s.op('distribution', { key: 'base' }, 60_000);
      await s.op('remove', { key: 'base' }, 60_000);
    }
  } catch (err) {
    [entry.status, entry.reason] = classify(err);
    entry.reason = `setup: ${entry.reason}`;
    if (!shared) await s?.close();
    return [entry, null];
  }
  await sampleInto(steps.synth, 0, 0, () => s.op('synth', { distribution, rows, seed: 42 }, 300_000), opts);
  if (steps.synth.status === 'ok') await sampleInto(steps.load, 0, 0, () => s.op('loadSynth', { key: 'synthetic' }, 300_000), opts);
  const loaded = steps.load.status === 'ok' && steps.load.samples.length > 0;
  if (loaded) entry.memoryAfterLoad = await s.memory();
  const total = cfg.warmup + cfg.scaleRuns;
  const runs = (name) => !cfg.scaleSteps || cfg.scaleSteps.includes(name);
  for (const [name, step, by] of [['hex', steps.hex, HEX], ['grid', steps.grid, GRID]]) {
    for (let i = 0; loaded && runs(name) && i < total; i++) {
      await sampleInto(step, i, cfg.warmup, () => s.op('aggregate', { points: 'synthetic', by }, 180_000), opts);
    }
  }
  if (loaded && runs('h3')) await sampleInto(steps.h3, 0, 0, () => s.op('aggregate', { points: 'synthetic', by: { kind: 'h3', resolution: 9 } }, 300_000), opts);
  if (loaded && runs('gistar') && !s.dead) await runGistar(s, entry, gistarRecords(), cfg, opts);
  if (loaded) entry.memory = await s.memory();
  if (loaded && rows <= cfg.deckMaxRows && !s.dead && (runs('draw') || runs('deck'))) {
    await s.op('positions', { key: 'synthetic' }, 120_000).catch(() => {});
    // Jittered rows never repeat, so the app's layer draws one mark per row here.
    if (runs('draw')) await sampleInto(steps.draw, 0, 0, () => s.op('drawPoints', { key: 'synthetic', merged: true }, 300_000), opts);
    for (const [step, kind] of [[steps.deckHex, 'hex'], [steps.deckGrid, 'grid']]) {
      for (let i = 0; runs('deck') && i < cfg.peerWarmup + cfg.peerRuns; i++) {
        await sampleInto(step, i, cfg.peerWarmup, () => s.op('deckAggregate', { key: 'synthetic', kind, sizeM: 500 }, 180_000), opts);
      }
    }
  }
  const failed = [steps.synth, steps.load, steps.hex, steps.grid].find((x) => x.status !== 'ok');
  if (failed) [entry.status, entry.reason] = [failed.status, `${failed.label}: ${failed.reason}`];
  if (shared) {
    entry.sharedPage = true;
    await s.op('remove', { key: 'synthetic' }).catch(() => {});
  } else await s.close();
  return [entry, distribution];
}

/**
 * One fresh page per size, unless `shared` (the --quick run reuses the main page to
 * save an engine start; its memory numbers then include the Citi Bike table).
 */
export async function runScale(browser, url, cfg, log, distribution, shared) {
  const out = [];
  for (const rows of cfg.scaleSizes) {
    const [entry, used] = await scaleSize(browser, url, rows, cfg, log, distribution, shared);
    out.push(entry);
    distribution ??= used; // the first size's setup read Citi Bike: the others reuse it
  }
  return out;
}

/** Rows for the main table from the scale run at `rows` points: ours vs deck.gl at that size. */
export function scaleSteps(entry, quick) {
  const size = entry.rows.toLocaleString('en-US');
  const make = (id, label, ours, peer, peerLabel) => {
    const step = newStep(id, label, {
      peer: { id: `deck-${id}`, label: peerLabel },
      goals: entry.rows === 1_000_000 ? [atMost(200, '≤ 200 ms'), ratioAtMost(0.1, '≥ 10× deck.gl')] : undefined,
    });
    // A size that failed before this step ran (e.g. its setup) reports the size's failure.
    const [status, reason] = ours.samples.length || ours.status !== 'ok' ? [ours.status, ours.reason] : [entry.status === 'ok' ? 'skipped' : entry.status, entry.reason ?? 'not run'];
    Object.assign(step, { status, reason, samples: ours.samples, warmups: ours.warmups, longTasks: ours.longTasks });
    Object.assign(step.peer, { status: peer.status, reason: peer.reason, samples: peer.samples, warmups: peer.warmups, longTasks: peer.longTasks });
    if (peer.samples.length === 0 && peer.status === 'ok') Object.assign(step.peer, { status: 'skipped', reason: 'not run at this size' });
    if (quick) step.note = 'goal is for 1M points; --quick uses a smaller set';
    return step;
  };
  return [
    make(`hex-${entry.rows}`, `hexagon r = 500 m, ${size} synthetic points`, entry.hex, entry.deckHex, 'deck.gl HexagonLayer (CPU)'),
    make(`grid-${entry.rows}`, `grid 500 m, ${size} synthetic points`, entry.grid, entry.deckGrid, 'deck.gl GridLayer (CPU)'),
  ];
}

/** The main table's row for H3 res 9 (cold) at a scale size; the goal is for 10M points. */
export function h3ScaleStep(entry) {
  const step = newStep(`h3-${entry.rows}`, `H3 res 9, ${entry.rows.toLocaleString('en-US')} distinct synthetic points, cold (a fresh table)`, {
    goals: entry.rows === 10_000_000 ? [atMost(15_000, '≤ 15 s')] : undefined,
  });
  const ours = entry.h3;
  const [status, reason] = ours.samples.length || ours.status !== 'ok' ? [ours.status, ours.reason] : [entry.status === 'ok' ? 'skipped' : entry.status, entry.reason ?? 'not run'];
  Object.assign(step, { status, reason, samples: ours.samples, warmups: ours.warmups, longTasks: ours.longTasks, details: ours.details });
  const d = ours.details[0];
  if (d) step.note = `${d.cells.toLocaleString('en-US')} cells; engine: assignment ${d.engine.assignMs.toFixed(0)} ms, reduction ${d.engine.queryMs.toFixed(0)} ms`;
  return step;
}

/**
 * Runs in the app before its own scripts. Marks and long tasks are forwarded through
 * console.debug, which reaches the runner at once, even while the main thread is busy
 * drawing (under SwiftShader the first frame with 1.8M points can block it for a long time).
 */
const APP_PROBE = () => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const m = mark(name, options);
    console.debug('__bench_mark', name, m.startTime);
    return m;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) console.debug('__bench_longtask', e.startTime, e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** Long task time inside [t0, t1] (tasks straddling the ends are clipped). */
function clipped(tasks, t0, t1) {
  const parts = tasks.map(([s, d]) => Math.min(s + d, t1) - Math.max(s, t0)).filter((ms) => ms > 0);
  return { totalMs: parts.reduce((a, b) => a + b, 0), maxMs: Math.max(0, ...parts), count: parts.length };
}

/** One cold start of the app in a fresh context: its citylens:* marks and long tasks. */
async function appRun(browser, appUrl, cfg) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const marks = new Map();
    const tasks = [];
    const waiting = new Map();
    const markSeen = (name) => new Promise((resolve) => waiting.set(name, resolve));
    // The first frame may be the published layers' (issue 14), drawn long before the data is
    // in; the first live frame is what "after the data is ready" times.
    const firstDraw = markSeen('citylens:first-draw');
    const firstLive = markSeen('citylens:first-live-draw');
    page.on('console', (m) => {
      const [kind, a, b] = m.text().split(' ');
      if (kind === '__bench_mark') {
        marks.set(a, Number(b));
        waiting.get(a)?.();
      } else if (kind === '__bench_longtask') tasks.push([Number(a), Number(b)]);
    });
    await page.addInitScript(APP_PROBE);
    await page.goto(appUrl);
    let timer;
    // A first frame drawn after the data was ready is a live one (builds before the mark said so).
    const liveFrame = firstDraw.then(() => (['citylens:points-ready', 'citylens:data-ready'].some((n) => marks.has(n)) ? undefined : firstLive));
    await Promise.race([liveFrame, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no citylens:first-draw and first live frame within 240 s')), 240_000)))]);
    clearTimeout(timer);
    // Give the task that drew the frame time to end, so its long task is reported.
    const settled = await Promise.race([page.evaluate(() => true), new Promise((r) => setTimeout(() => r(false), cfg.appSettleMs))]);
    await new Promise((r) => setTimeout(r, 200));
    const readyMark = ['citylens:points-ready', 'citylens:data-ready'].find((n) => marks.has(n));
    if (!readyMark) throw new Error('the app drew its first live layer but set neither citylens:points-ready nor citylens:data-ready');
    const ready = marks.get(readyMark);
    const draw = marks.get('citylens:first-draw');
    const live = marks.get('citylens:first-live-draw') ?? draw;
    const frameTask = tasks.find(([s, d]) => s <= live && s + d >= live);
    // Pan even when the page is still busy: slow frames are what we want to see then.
    const panFrames = await Promise.race([panFrameTimes(page), new Promise((r) => setTimeout(() => r([]), 90_000))]).catch(() => []);
    return { ready, draw, live, readyMark, tasks, settled, frameTaskMs: frameTask?.[1] ?? null, panFrames };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Frame intervals while the user drags the map across the 1.8M points: requestAnimationFrame
 * deltas during a 20-step mouse drag. CPU-rendered (SwiftShader) here.
 */
async function panFrameTimes(page) {
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(800, 400);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(800 - i * 10, 400 + (i % 2) * 4, { steps: 2 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    window.__stopFrames = true;
    return window.__frames.slice(1);
  });
}

/** The app, cold, from a fresh context each run, timed by its own performance marks. */
export async function runApp(browser, appUrl, cfg, log) {
  const frame = newStep('app-first-frame', 'app: first frame after the data is ready (the sample\'s first layer, 1.8M Citi Bike rows)', { goals: [atMost(1000, '≤ 1 s')] });
  const cold = newStep('app-cold-start', 'app: cold start → first drawn layer of any kind (navigation → citylens:first-draw)', {
    note: 'the published layers (dist/published) when the build has them, else the live ones after DuckDB starts and loads Citi Bike',
  });
  const coldLive = newStep('app-cold-live', 'app: cold start → first live (engine-drawn) layer (navigation → citylens:first-live-draw)', {
    note: 'includes DuckDB start and the Citi Bike load in the app',
  });
  const pan = newStep('app-pan-frames', 'app: median frame time while panning over 1.8M points (CPU-rendered, SwiftShader)', {
    note: 'requestAnimationFrame intervals during a mouse drag over the default view (Citi Bike points and 500 m hexagons over the basemap), 1280×800; says nothing about a real GPU',
  });
  for (let i = 0; i < cfg.appRuns; i++) {
    let m = null;
    await sampleInto(frame, i, 0, async () => {
      m = await appRun(browser, appUrl, cfg);
      return { ms: m.live - m.ready, longTasks: clipped(m.tasks, m.ready, m.live), readyMark: m.readyMark, settled: m.settled, frameTaskMs: m.frameTaskMs };
    }, { log });
    if (m) await sampleInto(cold, i, 0, async () => ({ ms: m.draw, longTasks: clipped(m.tasks, 0, m.draw) }), { log });
    if (m) await sampleInto(coldLive, i, 0, async () => ({ ms: m.live, longTasks: clipped(m.tasks, 0, m.live) }), { log });
    if (m?.panFrames.length) {
      const sorted = [...m.panFrames].sort((a, b) => a - b);
      await sampleInto(pan, i, 0, async () => ({ ms: sorted[Math.floor(sorted.length / 2)], frames: sorted.length, p95: sorted[Math.floor(sorted.length * 0.95)] }), { log });
    }
  }
  const d = frame.details;
  if (d.length) {
    const blocked = d.filter((x) => !x.settled).length;
    const frameTasks = d.map((x) => x.frameTaskMs).filter((x) => x != null);
    frame.note =
      `citylens:first-live-draw − ${d[0].readyMark}, production build, 1280×800, SwiftShader` +
      (frameTasks.length ? `; the task that drew the first frame took ${frameTasks.map((x) => `${(x / 1000).toFixed(1)} s`).join(', ')}` : '') +
      (blocked ? `; in ${blocked} of ${d.length} runs the main thread was still busy ${cfg.appSettleMs / 1000} s after the mark` : '');
  }
  return [frame, cold, coldLive, pan];
}

// Time in the app (issue 12): the sample dashboard's timeline and playback in the production
// build. Brush → frame: the window's start moved one hour by the keyboard ("Window start",
// PageUp moves ten bins, ArrowRight one) until the 500 m hexagons' new data is drawn (the
// next animation frame after their citylens:layer-data mark). Playback: 10 s of Play, with
// the main thread's long tasks over 50 ms; SwiftShader draws on the CPU, so the tasks that
// hold a deck.gl draw are reported apart from the others.
import { atMost, newStep, sampleInto } from './steps.mjs';

const HEX = 'empty-hexagons';
const DS = 'nyc_citibike_station_status_2024_03';

/** Records long tasks and, per deck.gl frame, its start and end (deck's onAfterRender is too late for the start). */
const PROBE = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  window.__frames = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now();
    cb(t);
    const d = performance.now() - s;
    if (d > 5) window.__frames.push([s, d]);
  });
};

async function openTimed(browser, appUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(180_000);
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(appUrl);
  await page.waitForFunction((ds) => !!document.querySelector(`[data-time="${ds}"] svg[data-bins]:not([data-bins="0"])`), DS, { timeout: 240_000 });
  await page.waitForFunction((id) => performance.getEntriesByName('citylens:layer-data').some((m) => m.detail?.layer === id), HEX, { timeout: 240_000 });
  return { context, page };
}

/** One brush step: key press → the hexagons' data → the frame after it. */
async function brushStep(page, key) {
  const slider = page.getByRole('slider', { name: 'Window start' });
  await slider.focus();
  const before = await page.evaluate((id) => performance.getEntriesByName('citylens:layer-data').filter((m) => m.detail?.layer === id).length, HEX);
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press(key);
  return page.evaluate(async ({ id, n, t0 }) => {
    const marks = () => performance.getEntriesByName('citylens:layer-data').filter((m) => m.detail?.layer === id);
    while (marks().length <= n) await new Promise((r) => setTimeout(r, 5));
    const data = marks()[n].startTime;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { ms: performance.now() - t0, dataMs: data - t0 };
  }, { id: HEX, n: before, t0 });
}

export async function runTime(browser, appUrl, cfg, log) {
  const brush = newStep('time-brush-frame', 'app: brush → frame, 500 m hexagons of the sample (window start moved one hour by the keyboard)');
  const play = newStep('time-playback-long-tasks', 'app: main-thread long tasks over 50 ms during 10 s of playback (24 h window, 1 h steps), apart from those that hold a deck.gl draw', {
    goals: [atMost(0, 'none beyond the draw')],
  });
  let session;
  try {
    session = await openTimed(browser, appUrl);
    const { page } = session;
    // The first move starts the window (PageUp: ten bins on); the measured ones move it an hour.
    await brushStep(page, 'PageUp');
    const n = cfg.quick ? 5 : 15;
    for (let i = 0; i < n; i++) await sampleInto(brush, i, 0, () => brushStep(page, i % 2 ? 'ArrowLeft' : 'ArrowRight'), { log, longTasks: false });
    const d = brush.details;
    if (d.length) brush.note = `median engine answer ${[...d.map((x) => x.dataMs)].sort((a, b) => a - b)[d.length >> 1].toFixed(0)} ms after the key; the rest is React and deck.gl drawing on SwiftShader (CPU)`;

    await page.getByRole('button', { name: 'Clear time window' }).click();
    await sampleInto(play, 0, 0, async () => {
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: /^Play/ }).click();
      await page.waitForTimeout(10_000);
      await page.getByRole('button', { name: /^Pause/ }).click();
      const { tasks, frames, frame } = await page.evaluate((t) => ({
        tasks: window.__longTasks.filter(([s, dur]) => s >= t && dur > 50),
        frames: window.__frames.filter(([s]) => s >= t),
        frame: document.querySelector('[data-time] .playback-frame, [data-time] output')?.textContent ?? '',
      }), t0);
      // A long task that holds an animation frame's callback of over 40 ms is a draw.
      const isDraw = ([s, dur]) => frames.some(([fs, fd]) => fd > 40 && fs >= s && fs + fd <= s + dur + 1);
      const draws = tasks.filter(isDraw);
      const others = tasks.filter((x) => !isDraw(x));
      const total = (xs) => xs.reduce((a, [, dur]) => a + dur, 0);
      return {
        ms: total(others),
        // (Not `longTasks`: the step records drop that field.)
        otherTasks: { totalMs: total(others), maxMs: Math.max(0, ...others.map(([, dur]) => dur)), count: others.length },
        drawTasks: { count: draws.length, totalMs: total(draws), maxMs: Math.max(0, ...draws.map(([, dur]) => dur)) },
        frame,
      };
    }, { log, longTasks: false });
    const p = play.details.at(-1);
    if (p) {
      play.note = `${p.otherTasks.count} long tasks not recognised as a draw (max ${p.otherTasks.maxMs.toFixed(0)} ms); ${p.drawTasks.count} held an animation-frame callback of over 40 ms, a deck.gl draw (max ${p.drawTasks.maxMs.toFixed(0)} ms, SwiftShader); reached ${p.frame}` +
        (p.drawTasks.count === 0 ? '; no draw was recognised, so the draws (MapLibre renders deck.gl interleaved) are among the others: read it as an upper bound' : '');
    }
  } catch (err) {
    log(`  time in the app: ${err.message}`);
    if (!brush.samples.length) Object.assign(brush, { status: 'error', reason: err.message });
    if (!play.samples.length) Object.assign(play, { status: 'error', reason: err.message });
  } finally {
    await session?.context.close().catch(() => {});
  }
  return [brush, play];
}

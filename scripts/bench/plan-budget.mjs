// The citizen view's budget (issue 14): the sample story opened on a phone-sized screen
// (390×844) from a gzip static host over a 9 Mbit/s, 150 ms link (throttled-server.mjs),
// cold, in a fresh context each run. Timed from navigation to `citylens:first-draw` (the
// first data layer of any kind drawn); bytes on the wire until then and in all, by kind.
import { atMost, newStep, sampleInto } from './steps.mjs';
import { serveThrottled } from './throttled-server.mjs';

const KINDS = ['js', 'wasm', 'styles', 'data', 'tiles', 'glyphs', 'backdrop', 'other'];
const MIB = 2 ** 20;

/** Bytes per kind of the chunks in `wire` that left before `until` (server ms). */
function byKind(wire, until = Infinity) {
  const out = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const [at, bytes, kind] of wire) if (at <= until) out[kind] += bytes;
  out.total = KINDS.reduce((a, k) => a + out[k], 0);
  return out;
}

async function storyRun(browser, server, settleMs) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    server.reset();
    const navAt = server.now();
    await page.goto(`${server.url}?mode=public`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0, null, { timeout: 120_000, polling: 50 });
    const drawMs = await page.evaluate(() => performance.getEntriesByName('citylens:first-draw')[0].startTime);
    const drawAt = navAt + drawMs;
    // What loads after the first layer (backdrop, more tiles) still counts in the total.
    await page.waitForTimeout(settleMs);
    const wasm = server.log.filter((e) => e.kind === 'wasm').map((e) => e.path.split('/').pop());
    return {
      ms: drawMs,
      before: byKind(server.wire, drawAt),
      total: byKind(server.wire),
      requests: server.log.length,
      wasm,
      errors,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/** The sample story in the citizen view, cold, over the throttled link: time and bytes. */
export async function runBudget(browser, appRoot, cfg, log) {
  const time = newStep('budget-story', 'citizen view: sample story, first story layer over 9 Mbit/s, 150 ms (navigation → citylens:first-draw, 390×844)', {
    goals: [atMost(6000, '≤ 6 s')],
  });
  const bytes = newStep('budget-story-bytes', 'citizen view: bytes transferred until the first story layer (gzip host)', {
    unit: 'bytes',
    goals: [atMost(1.5 * MIB, '≤ 1.5 MiB')],
  });
  const server = await serveThrottled({ root: appRoot, base: '/a/b/' });
  try {
    for (let i = 0; i < cfg.appRuns; i++) {
      const r = await sampleInto(time, i, 0, () => storyRun(browser, server, cfg.budgetSettleMs ?? 5_000), { log, longTasks: false });
      if (r) await sampleInto(bytes, i, 0, async () => ({ ...r, ms: r.before.total }), { log, longTasks: false });
    }
  } finally {
    await server.close();
  }
  const d = bytes.details.at(-1);
  if (d) {
    const list = (b) => KINDS.filter((k) => b[k]).map((k) => `${k} ${(b[k] / 1024).toFixed(0)} KiB`).join(', ');
    bytes.note = `before the first layer: ${list(d.before)}; in all after ${(cfg.budgetSettleMs ?? 5_000) / 1000} s more: ${(d.total.total / MIB).toFixed(2)} MiB (${list(d.total)}), ${d.requests} requests${d.errors.length ? `; page errors: ${d.errors.join(' | ')}` : ''}`;
    time.note = d.wasm.length ? `the view fetched ${d.wasm.join(', ')}` : 'drawn from the published files: no wasm fetched (no DuckDB-WASM, no parquet-wasm)';
  }
  return [time, bytes];
}

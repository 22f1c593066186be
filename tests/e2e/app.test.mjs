// The deployed app, end to end: dist/ served from a sub-path, offline, in Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, SUB_PATH, openApp, pixelStats, startBrowser } from './harness.mjs';

const CITIBIKE_ROWS = '1,798,339';

describe('CityLens served from a sub-path', () => {
  let env;
  let app;
  before(async () => {
    env = await startBrowser();
    app = await openApp(env.browser, env.server.url);
    await app.page.getByRole('status').filter({ hasText: `Loaded Citi Bike station status, March 2024: ${CITIBIKE_ROWS} rows` }).waitFor({ timeout: 180_000 });
    // The first live layer: the first frame is the published hexagons (first-frame.test.mjs).
    await app.page.waitForFunction(() => performance.getEntriesByName('citylens:first-live-draw').length > 0, null, { timeout: 180_000 });
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  it('loads from the sub-path with a strict Content-Security-Policy', async () => {
    assert.ok(env.server.url.endsWith(SUB_PATH));
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /connect-src 'self' blob: data:[ ;]/);
    assert.equal(await app.page.title(), 'CityLens');
  });

  it('loads the Citi Bike sample with its exact row count', async () => {
    const item = app.page.locator('[data-dataset="nyc_citibike_station_status_2024_03"]');
    // SwiftShader draws 1.8M points on the CPU: the page can be busy for a while.
    await item.waitFor({ timeout: 120_000 });
    assert.match(await item.innerText(), /1,798,339 rows/);
    assert.equal(await app.page.locator('[role=alert]').textContent(), '');
  });

  it('draws the map and the points (non-blank canvas with point-coloured pixels)', async () => {
    const png = await app.page.locator('.map canvas').first().screenshot({ timeout: 120_000 });
    const stats = await pixelStats(env.browser, png, 'r > 170 && g > 40 && g < 150 && b < 100');
    assert.ok(stats.distinctColours > 20, `only ${stats.distinctColours} colours on the map`);
    assert.ok(stats.dataPixels > 2000, `only ${stats.dataPixels} point-coloured pixels`);
    const t = await app.page.evaluate(() => ({
      ready: performance.getEntriesByName('citylens:data-ready')[0]?.startTime,
      drawn: performance.getEntriesByName('citylens:first-live-draw')[0]?.startTime,
    }));
    console.log(`# cold start to first drawn point: ${(t.drawn / 1000).toFixed(2)} s (data ready at ${(t.ready / 1000).toFixed(2)} s)`);
  });

  it('sends no request to any origin but its own', () => {
    const origin = new URL(env.server.url).origin;
    // Other methods than GET come prefixed by theirs (the first frame's HEAD checks of the data files).
    const foreign = app.requests.map((u) => u.replace(/^(HEAD|POST|PUT) /, '')).filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.ok(app.requests.some((u) => u.endsWith('duckdb-eh.wasm.gz')), 'DuckDB came from our own origin');
  });

  it('passes an axe scan of the whole analyst view, the dataset panel opened (no serious or critical violation)', async () => {
    const item = app.page.locator('[data-dataset="nyc_citibike_station_status_2024_03"]');
    for (const summary of await item.locator('summary').all()) await summary.click();
    // The app's CSP blocks inline scripts: axe comes in through evaluate.
    await app.page.evaluate(readFileSync(path.resolve(path.dirname(DIST), 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const found = await app.page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)));
    assert.deepEqual(found, []);
    assert.equal(await item.locator('details[open]').count(), await item.locator('details').count());
  });

  it('logs no console errors', () => {
    assert.deepEqual(app.errors, []);
  });
});

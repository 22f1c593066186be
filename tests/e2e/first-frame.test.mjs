// The analyst view's first frame (issue 14): with DuckDB's wasm held back 8 s, the sample
// dashboard draws its visible hexagon layer from dist/published, with the published legend,
// before the engine is ready; once the engine has loaded the data, the live layer takes its
// place with the same legend classes, and no console error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, openApp, pixelStats, startBrowser } from './harness.mjs';

const LAYER = 'empty-hexagons';
const HOLD_MS = 8_000;
// Warm, saturated pixels: the YlOrRd hexagons (the points, also orange, are not drawn yet).
const HEXAGON_PIXEL = 'r > 120 && r >= g && r - b > 60';

const marks = (page) => page.evaluate(() => Object.fromEntries(
  ['citylens:first-draw', 'citylens:engine-ready', 'citylens:first-live-draw'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null]),
));
const legendRows = (page, scope) => page.locator(`${scope} [data-legend="${LAYER}"] li`).allInnerTexts();

describe('analyst view: first frame from the published files', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  it('draws the published hexagons before the engine is ready, then swaps in the live layer', async () => {
    // The oracle: the file publish wrote, read here from disk.
    const file = JSON.parse(readFileSync(path.join(DIST, 'published', `${LAYER}.json`), 'utf8'));
    const classes = file.scale.colours.length;
    assert.ok(classes >= 3, `the published scale has ${classes} classes`);

    const app = await openApp(env.browser, env.server.url, {
      setup: (context) => context.route('**/duckdb*.wasm*', async (route) => {
        await new Promise((r) => setTimeout(r, HOLD_MS));
        await route.continue();
      }),
    });
    const { page } = app;
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0, null, { timeout: 60_000 });
    const early = await marks(page);
    assert.equal(early['citylens:engine-ready'], null, 'the engine was ready before the first frame');
    assert.equal(await page.locator('.map').getAttribute('data-published'), LAYER);
    console.log(`# first frame (published) at ${(early['citylens:first-draw'] / 1000).toFixed(2)} s`);

    const note = page.locator(`.published-legend[data-published="${LAYER}"]`);
    await note.waitFor();
    assert.match(await note.innerText(), /Published figures; the live data is loading/);
    const published = await legendRows(page, '.published-legend');
    assert.equal(published.filter((_, i) => i < classes).length, classes);
    assert.equal(await page.locator(`.published-legend [data-legend="${LAYER}"] li[data-break]`).evaluateAll((els) => els.filter((e) => /^\d+$/.test(e.dataset.break)).length), classes);

    const png = await page.locator('.map canvas').first().screenshot();
    const stats = await pixelStats(env.browser, png, HEXAGON_PIXEL);
    // Taken before the engine was ready: these pixels can only be the published layer's.
    const still = await marks(page);
    assert.equal(still['citylens:engine-ready'], null, 'the engine got ready before the screenshot: hold the wasm longer');
    assert.ok(stats.dataPixels > 2000, `only ${stats.dataPixels} hexagon-coloured pixels in the first frame`);

    // The live layer replaces it: the published drawing and its legend go, the classes stay.
    await page.waitForFunction(() => performance.getEntriesByName('citylens:engine-ready').length > 0, null, { timeout: 120_000 });
    await page.locator('.published-legend').waitFor({ state: 'detached', timeout: 180_000 });
    const live = await legendRows(page, '.legends');
    assert.deepEqual(live, published);
    assert.equal(await page.locator('.map').getAttribute('data-published'), '');
    const late = await marks(page);
    assert.ok(late['citylens:first-live-draw'] > late['citylens:engine-ready']);
    assert.equal(late['citylens:first-draw'], early['citylens:first-draw'], 'first-draw was set again');
    const after = await pixelStats(env.browser, await page.locator('.map canvas').first().screenshot(), HEXAGON_PIXEL);
    assert.ok(after.dataPixels > 2000, `only ${after.dataPixels} hexagon-coloured pixels after the swap`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
});

// The citizen view (?mode=public) on phone-sized screens: the sample story's published
// layers draw without the database worker, the steps go through to the end with buttons,
// keys and the link, nothing scrolls sideways, and a stale layer says so.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, openApp, startBrowser } from './harness.mjs';

const AXE = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations on the page, as "rule: target" lines. */
async function axeProblems(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)));
  return found;
}

describe('citizen view', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  for (const viewport of [{ width: 375, height: 812 }, { width: 390, height: 844 }]) {
    it(`steps through the sample story at ${viewport.width}×${viewport.height} without starting the database`, async () => {
      const app = await openApp(env.browser, `${env.server.url}?mode=public`, { viewport });
      const { page } = app;
      await page.getByRole('heading', { level: 2, name: 'Empty stations on weekday mornings, by neighbourhood' }).waitFor();
      await page.locator('.public-legend h2', { hasText: 'per 500 m hexagon' }).waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0);
      // The map's text alternative: its areas ranked, the highest value of the published file first.
      await page.getByText('The map as a table').first().click();
      const published = JSON.parse(readFileSync(path.join(DIST, 'published', 'empty-hexagons.json'), 'utf8'));
      const top = Math.max(...published.features.features.filter((f) => f.properties.value !== null).map((f) => f.properties.value));
      const cells = await page.locator('.public-ranked tbody tr').first().locator('td').allInnerTexts();
      assert.equal(cells[0], '1');
      assert.equal(cells[1], new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(top));
      assert.equal(await page.locator('.public-ranked tbody tr').count(), 10);
      assert.deepEqual(await axeProblems(page), []);
      assert.equal(await page.getByText('Step 1 of 4', { exact: true }).count(), 1);
      const next = page.getByRole('button', { name: 'Next' });
      await next.click();
      await page.getByRole('heading', { level: 2, name: 'The same, by census tract' }).waitFor();
      assert.match(page.url(), /#step=empty-stations\/2$/);
      await page.keyboard.press('ArrowRight');
      await page.getByRole('heading', { level: 2, name: 'Animal complaints, per 1,000 residents' }).waitFor();
      await next.click();
      await page.getByRole('heading', { level: 2, name: 'Where complaints cluster beyond chance' }).waitFor();
      await page.locator('.public-legend li[data-class="hot-99"]').waitFor();
      assert.deepEqual(await axeProblems(page), []);
      assert.equal(await next.isDisabled(), true);
      // Story emphasis is an element made from the text syntax, not HTML.
      assert.equal(await page.locator('.story em', { hasText: 'hot spot' }).count(), 1);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(wide, false, 'the page scrolls sideways');
      // No engine: neither the worker nor DuckDB's or parquet-wasm's wasm was fetched.
      // (HEAD requests only check that the published layers' data files have not changed.)
      assert.deepEqual(app.requests.filter((u) => !u.startsWith('HEAD ') && /assets\/worker-|duckdb|parquet|\.wasm/.test(u)), []);
      const analyst = new URL(await page.getByRole('link', { name: 'Explore the data' }).getAttribute('href'));
      assert.equal(analyst.searchParams.get('mode'), null);
      assert.deepEqual(app.errors, []);
      await app.context.close();
    });
  }

  it('opens a deep-linked step, and says when a published layer is stale', async () => {
    const app = await openApp(env.browser, `${env.server.url}?mode=public#step=empty-stations/3`, { viewport: { width: 390, height: 844 } });
    await app.page.getByRole('heading', { level: 2, name: 'Animal complaints, per 1,000 residents' }).waitFor();
    await app.context.close();
    // The same page with the manifest's hash of that layer changed: stale.
    const stale = await app.context.browser().newContext({ viewport: { width: 390, height: 844 } });
    await stale.route('**/published/manifest.json', async (route) => {
      const res = await route.fetch();
      const manifest = await res.json();
      manifest.layers['animal-complaints'].hash = '0'.repeat(64);
      await route.fulfill({ response: res, json: manifest });
    });
    const page = await stale.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.server.url}?mode=public#step=empty-stations/3`);
    await page.getByRole('alert').filter({ hasText: 'has changed since it was published' }).waitFor();
    // It falls back to computing the layer in the browser, with the engine loaded only now, and says so.
    await page.getByRole('alert').filter({ hasText: 'Computed in your browser from the data instead.' }).waitFor({ timeout: 120_000 });
    await page.locator('.public-legend h2', { hasText: 'Animal complaints' }).waitFor();
    assert.ok(requests.some((u) => /duckdb.*\.wasm/.test(u)), 'the fallback did not start the engine');
    await stale.close();
  });

  it('computes a layer whose published file is missing, and says so', async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.route('**/published/empty-hexagons.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${env.server.url}?mode=public`);
    await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Computed in your browser from the data instead.' }).waitFor({ timeout: 120_000 });
    await page.locator('.public-legend h2', { hasText: 'per 500 m hexagon' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

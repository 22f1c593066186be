// The citizen view's before/after step (issue 14) on a phone (390×844) and a wide screen:
// the sample story's morning and evening sides draw from their published files without the
// database, a keyboard-operable toggle switches them on the phone, two synced maps show them
// side by side when wide, one legend reads for both, and the comparison is summarised in words.
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
  return page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)));
}

const STEP = '?mode=public#step=bike-swings/1';
const TITLE = 'Morning and evening, Wednesday 13 March 2024';
const published = (file) => JSON.parse(readFileSync(path.join(DIST, file), 'utf8'));

/**
 * The expected first sentence, worked out here from the two sides' published files (the
 * plain aggregate of each window, not the comparison): the borough whose mean changed most,
 * relative to the morning, and its morning and evening means.
 */
function expectedLargest() {
  const manifest = published('published/manifest.json');
  const sideFiles = Object.keys(manifest.layers).filter((k) => k.startsWith('bikes-boroughs@')).map((k) => published(manifest.layers[k].file));
  const morning = sideFiles.find((f) => f.time.hours.from === 7), evening = sideFiles.find((f) => f.time.hours.from === 16);
  const valueOf = (f, name) => f.features.features.find((x) => x.properties.name === name).properties.value;
  let best = null;
  for (const f of morning.features.features) {
    const b = f.properties.value, a = valueOf(evening, f.properties.name);
    if (b === null || a === null) continue;
    const pc = (100 * (a - b)) / b;
    if (!best || Math.abs(pc) > Math.abs(best.pc)) best = { name: f.properties.name, b, a, pc };
  }
  const n3 = (v) => new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(v);
  const pct = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(Math.abs(best.pc) / 100);
  return { best, text: `The value ${best.pc > 0 ? 'rose' : 'fell'} by ${pct} in ${best.name}, from ${n3(best.b)} to ${n3(best.a)}` };
}

describe('citizen view, before/after step', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  it('toggles morning and evening at 390×844, with one legend and the summary, no engine and no sideways scroll', async () => {
    const app = await openApp(env.browser, `${env.server.url}${STEP}`, { viewport: { width: 390, height: 844 } });
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0);
    const group = page.getByRole('group', { name: 'Which side the map shows' });
    const morning = group.getByRole('button', { name: 'Morning, 07–10' });
    const evening = group.getByRole('button', { name: 'Evening, 16–19' });
    assert.equal(await morning.getAttribute('aria-pressed'), 'true');
    assert.equal(await evening.getAttribute('aria-pressed'), 'false');
    for (const b of [morning, evening]) {
      const box = await b.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `toggle target ${box.width}×${box.height}`);
    }
    const canvas = page.locator('.public-map canvas');
    assert.equal(await canvas.count(), 1);
    assert.match(await canvas.getAttribute('aria-label'), /^Map, Morning, 07–10: /);
    // Keyboard: Tab reaches the toggle, Enter and Space press it.
    await morning.focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Evening, 16–19');
    await page.keyboard.press('Enter');
    assert.equal(await evening.getAttribute('aria-pressed'), 'true');
    assert.match(await canvas.getAttribute('aria-label'), /^Map, Evening, 16–19: /);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    assert.equal(await morning.getAttribute('aria-pressed'), 'true');

    // One legend for both sides.
    assert.equal(await page.locator('.public-legend').count(), 1);
    await page.locator('.public-legend h2', { hasText: 'Mean bikes available per station reading, by borough' }).waitFor();

    const { text, best } = expectedLargest();
    assert.equal(best.name, 'Brooklyn');
    const summary = page.locator('.compare-summary');
    await summary.getByText(text, { exact: false }).waitFor();
    const first = await summary.locator('p').first().textContent();
    assert.match(first, /that change is larger than chance would give, at (99|95|90)%\.$/);
    assert.match(await summary.locator('p').nth(1).textContent(), /^\d of the 4 areas compared changed more than chance would give\.$/);
    await summary.getByText('What the numbers mean and don’t mean').click();
    await summary.getByText(/not a cause/).waitFor();
    assert.deepEqual(await axeProblems(page), []);

    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, 'the page scrolls sideways');
    assert.deepEqual(app.requests.filter((u) => !u.startsWith('HEAD ') && /assets\/worker-|duckdb|parquet|\.wasm/.test(u)), []);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('fits 360 px in Danish: the toggle, the summary worded from the catalogue, no sideways scroll', async () => {
    const app = await openApp(env.browser, `${env.server.url}?mode=public&lang=da#step=bike-swings/1`, { viewport: { width: 360, height: 740 } });
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    const group = page.getByRole('group', { name: 'Hvilken side kortet viser' });
    assert.equal(await group.getByRole('button').count(), 2);
    const { best } = expectedLargest();
    const pct = new Intl.NumberFormat('da', { style: 'percent', maximumFractionDigits: 1 }).format(Math.abs(best.pc) / 100);
    await page.locator('.compare-summary p').filter({ hasText: `Værdien faldt med ${pct} i Brooklyn` }).waitFor();
    await page.getByText('Hvad tallene betyder, og hvad de ikke betyder').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, 'the page scrolls sideways');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('shows both sides side by side on a wide screen, their views following each other', async () => {
    const app = await openApp(env.browser, `${env.server.url}${STEP}`, { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await page.locator('.public-compare[data-layout="side-by-side"]').waitFor();
    const maps = page.locator('.compare-side .public-map');
    assert.equal(await maps.count(), 2);
    assert.deepEqual(await page.locator('.compare-side figcaption').allTextContents(), ['Morning, 07–10', 'Evening, 16–19']);
    const [a, b] = [await maps.nth(0).boundingBox(), await maps.nth(1).boundingBox()];
    assert.ok(b.x >= a.x + a.width - 1 && Math.abs(a.y - b.y) < 2, 'the two maps sit side by side');
    await page.waitForFunction(() => [...document.querySelectorAll('.compare-side .public-map')].every((m) => m.dataset.view));
    const start = await maps.nth(1).getAttribute('data-view');
    // Drag the left map: the right one follows to the same view.
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 - 150, a.y + a.height / 2 + 60, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((s) => {
      const [l, r] = [...document.querySelectorAll('.compare-side .public-map')].map((m) => m.dataset.view);
      return r !== s && l === r;
    }, start);
    assert.equal(await page.locator('.public-legend').count(), 1);
    assert.equal(await page.locator('.compare-toggle').count(), 0);
    assert.deepEqual(app.requests.filter((u) => !u.startsWith('HEAD ') && /assets\/worker-|duckdb|parquet|\.wasm/.test(u)), []);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('says plainly when a side was published for another window, and computes both sides in the browser', async () => {
    const fresh = await openApp(env.browser, `${env.server.url}${STEP}`, { viewport: { width: 390, height: 844 } });
    await fresh.page.locator('.public-legend li').first().waitFor();
    const publishedLegend = await fresh.page.locator('.public-legend li').allTextContents();
    await fresh.context.close();
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    // The manifest's hash of the evening side changed, as when its window was edited after publishing.
    await context.route('**/published/manifest.json', async (route) => {
      const res = await route.fetch();
      const manifest = await res.json();
      const key = Object.keys(manifest.layers).find((k) => k.startsWith('bikes-boroughs@') && published(manifest.layers[k].file).time.hours.from === 16);
      manifest.layers[key].hash = '0'.repeat(64);
      await route.fulfill({ response: res, json: manifest });
    });
    context.setDefaultTimeout(300_000);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    await page.goto(`${env.server.url}${STEP}`);
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'has changed since it was published. The “Evening, 16–19” side of this step was not published for its window.' }).waitFor();
    // Both sides are computed in the browser (their scale pools the two), with the engine loaded only now.
    await alert.filter({ hasText: 'for its window. Computed in your browser from the data instead.' }).waitFor();
    assert.ok(requests.some((u) => /assets\/worker-/.test(u)), 'the engine was not started');
    // The legend computed here is the published one: the same pooled scale, from the same data.
    assert.equal(await page.locator('.public-legend').count(), 1);
    assert.deepEqual(await page.locator('.public-legend li').allTextContents(), publishedLegend);
    await context.close();
  });
});

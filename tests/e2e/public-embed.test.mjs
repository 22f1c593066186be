// The citizen view embedded and by keyboard, at 375×812: ?embed=1 drops the title bar, the
// "Copy embed code" snippet loads the story in a sandboxed iframe on a page of the same
// origin, the clipboard's refusal leaves the snippet to copy by hand, every target is at
// least 44 × 44 px, and the map is one labelled tab stop that the arrow keys pan.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, pixelStats, startBrowser } from './harness.mjs';

const PHONE = { width: 375, height: 812 };
const SANDBOX = 'allow-scripts allow-same-origin allow-popups';
const STEP1 = 'Empty stations on weekday mornings, by neighbourhood';
const STEP2 = 'The same, by census tract';

/** The attributes of the one <iframe> in `html`, read by the browser's own HTML parser. */
async function iframeAttributes(page, html) {
  return page.evaluate((h) => {
    const frames = new DOMParser().parseFromString(h, 'text/html').querySelectorAll('iframe');
    return frames.length === 1 ? Object.fromEntries([...frames[0].attributes].map((a) => [a.name, a.value])) : null;
  }, html);
}

/** Visible interactive elements smaller than 44 × 44 px, and how many were measured. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
    const shown = all.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    const small = shown
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 43.99 || r.height < 43.99)
      .map(({ el, r }) => `${el.outerHTML.slice(0, 90)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    return { small, names: shown.map((el) => el.getAttribute('aria-label') || el.textContent.trim() || el.tagName) };
  });
}

const viewOf = (page) => page.evaluate(() => document.querySelector('.public-map').dataset.view ?? null);
/** `zoom/lat/lon` as numbers. */
const parseView = (v) => { const [zoom, lat, lng] = v.split('/').map(Number); return { zoom, lat, lng }; };

describe('citizen view: embed, keyboard, targets', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  it('?mode=public&embed=1 has no title bar and a small "Explore the data" link at the foot', async () => {
    const app = await openApp(env.browser, `${env.server.url}?mode=public&embed=1#step=empty-stations/2`, { viewport: PHONE });
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: STEP2 }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0);
    assert.equal(await page.locator('.public-header').count(), 0);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Copy embed code' }).count(), 0);
    const link = page.locator('footer.embed-foot a');
    assert.equal(await link.textContent(), 'Explore the data');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener');
    const analyst = new URL(await link.getAttribute('href'));
    assert.equal(analyst.searchParams.get('mode'), null);
    assert.equal(analyst.searchParams.get('embed'), null);
    assert.equal(analyst.hash, '');
    const { small } = await smallTargets(page);
    assert.deepEqual(small, []);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('the analyst view embedded drops its title and links to itself, full page', async () => {
    const app = await openApp(env.browser, `${env.server.url}?embed=1`, { viewport: PHONE });
    const { page } = app;
    const link = page.locator('#root > footer.embed-foot a');
    await link.waitFor();
    assert.equal(await page.locator('.panel h1').isHidden(), true);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(new URL(await link.getAttribute('href')).searchParams.get('embed'), null);
    await app.context.close();
  });

  it('copies a sandboxed iframe snippet that loads and draws the story on a parent page', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
    context.setDefaultTimeout(120_000);
    const errors = [];
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${env.server.url}?mode=public`);
    await page.getByRole('heading', { level: 2, name: STEP1 }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 2, name: STEP2 }).waitFor();
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await page.getByRole('status').filter({ hasText: /^Copied$/ }).waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, /^<iframe [^<]*><\/iframe>$/);
    const attrs = await iframeAttributes(page, snippet);
    assert.equal(attrs.sandbox, SANDBOX);
    assert.equal(attrs.width, '100%');
    assert.equal(attrs.height, '480');
    assert.equal(attrs.loading, 'lazy');
    assert.equal(attrs.title, await page.title());
    const src = new URL(attrs.src);
    const here = new URL(page.url());
    assert.equal(src.origin + src.pathname, here.origin + here.pathname);
    assert.equal(src.searchParams.get('mode'), 'public');
    assert.equal(src.searchParams.get('embed'), '1');
    assert.equal(src.hash, '#step=empty-stations/2');

    // A page of the same origin holding the snippet as a site would paste it.
    const parentUrl = `${env.server.url}embed-parent.html`;
    await context.route(parentUrl, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Parent</title></head><body><h1>Our city</h1>${snippet}</body></html>`,
    }));
    await page.goto(parentUrl);
    const frameEl = await page.waitForSelector('iframe');
    const frame = await frameEl.contentFrame();
    await frame.getByRole('heading', { level: 2, name: STEP2 }).waitFor();
    await frame.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0);
    // Really sandboxed, and the embedded page has no title bar.
    assert.equal(await frame.evaluate(() => window.frameElement.getAttribute('sandbox')), SANDBOX);
    assert.equal(await frame.locator('.public-header').count(), 0);
    const png = await frame.locator('.maplibregl-canvas').screenshot();
    const stats = await pixelStats(env.browser, png, 'false');
    assert.ok(stats.width > 300 && stats.height > 200, `canvas ${stats.width}×${stats.height}`);
    // A blank or failed WebGL canvas is one colour; basemap and layer give hundreds.
    assert.ok(stats.distinctColours > 100, `only ${stats.distinctColours} colours drawn`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the snippet selected in a read-only field when the clipboard is refused', async () => {
    const app = await openApp(env.browser, `${env.server.url}?mode=public`, { viewport: PHONE });
    const { page, context } = app;
    await page.getByRole('heading', { level: 2, name: STEP1 }).waitFor();
    const cdp = await context.newCDPSession(page);
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    await cdp.send('Browser.setPermission', {
      permission: { name: 'clipboard-write' }, setting: 'denied', origin: new URL(env.server.url).origin, browserContextId: targetInfo.browserContextId,
    });
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    const field = page.getByRole('textbox', { name: 'Embed code' });
    await field.waitFor();
    await page.getByRole('status').filter({ hasText: 'Copying was refused' }).waitFor();
    assert.equal(await field.getAttribute('readonly'), '');
    const { value, selected, focused } = await field.evaluate((el) => ({
      value: el.value, selected: el.value.slice(el.selectionStart, el.selectionEnd), focused: document.activeElement === el,
    }));
    assert.equal(selected, value);
    assert.equal(focused, true);
    const attrs = await iframeAttributes(page, value);
    assert.equal(attrs.sandbox, SANDBOX);
    assert.equal(new URL(attrs.src).searchParams.get('embed'), '1');
    const { small } = await smallTargets(page);
    assert.deepEqual(small, []);
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  it('makes every interactive element of the public view at least 44 × 44 px', async () => {
    const app = await openApp(env.browser, `${env.server.url}?mode=public`, { viewport: PHONE });
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: STEP1 }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0);
    const first = await smallTargets(page);
    assert.deepEqual(first.small, []);
    for (const name of ['Explore the data', 'Zoom in', 'Zoom out', 'Toggle attribution', 'Previous', 'Next', 'Step 1 of 4', 'Step 4 of 4', 'Copy embed code']) {
      assert.ok(first.names.includes(name), `${name} was not measured`);
    }
    // The last step: the hot-spot legend and its "How this map was made" toggle.
    await page.getByRole('button', { name: 'Step 4 of 4' }).click();
    await page.locator('.public-legend li[data-class="hot-99"]').waitFor();
    const last = await smallTargets(page);
    assert.deepEqual(last.small, []);
    assert.ok(last.names.includes('How this map was made'));
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('puts the map in the tab order once, labelled with its step, and the arrow keys pan it', async () => {
    const app = await openApp(env.browser, `${env.server.url}?mode=public`, { viewport: PHONE });
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: STEP1 }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-draw').length > 0);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, label: el.getAttribute('aria-label'), text: el.textContent.trim(), cls: el.className };
    });
    await page.keyboard.press('Tab');
    assert.equal((await focused()).text, 'Explore the data');
    await page.keyboard.press('Tab');
    const canvas = await focused();
    assert.equal(canvas.tag, 'CANVAS');
    assert.equal(canvas.label, `Map: ${STEP1}. Arrow keys pan, + and − zoom.`);
    const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth}`; });
    assert.equal(ring, 'solid 3px');
    // The next stop is the zoom control: no second stop for the map's container.
    await page.keyboard.press('Tab');
    assert.equal((await focused()).label, 'Zoom in');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused()).tag, 'CANVAS');

    await page.waitForFunction(() => document.querySelector('.public-map').dataset.view);
    const start = await viewOf(page);
    const before = parseView(start);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((v) => document.querySelector('.public-map').dataset.view !== v, start);
    const after = parseView(await viewOf(page));
    // MapLibre pans 100 px a press; at zoom z a pixel is 360 / (512 · 2^z) degrees of longitude.
    const expected = (100 * 360) / (512 * 2 ** before.zoom);
    assert.ok(Math.abs(after.lng - before.lng - expected) < expected * 0.02, `moved ${after.lng - before.lng}°, expected ${expected}°`);
    assert.ok(Math.abs(after.lat - before.lat) < 1e-4);
    assert.equal(after.zoom, before.zoom);
    // The arrow moved the map, not the story.
    assert.equal(await page.getByRole('heading', { level: 2, name: STEP1 }).count(), 1);
    const panned = await viewOf(page);
    await page.keyboard.press('+');
    await page.waitForFunction((v) => document.querySelector('.public-map').dataset.view !== v, panned);
    assert.ok(Math.abs(parseView(await viewOf(page)).zoom - (before.zoom + 1)) < 0.011);
    // The label follows the step.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 2, name: STEP2 }).waitFor();
    assert.equal(await page.locator('.maplibregl-canvas').getAttribute('aria-label'), `Map: ${STEP2}. Arrow keys pan, + and − zoom.`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
});

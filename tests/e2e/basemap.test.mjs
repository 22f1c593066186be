// Basemaps, end to end: offline PMTiles from our own origin with and without HTTP Range,
// self-hosted glyphs, the backdrop when a basemap fails, and online styles only when picked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, pixelStats, startBrowser } from './harness.mjs';

const SCRATCH = path.resolve(DIST, '..', 'scratch');
const FLORENCE_VIEW = '#15.5/43.7705/11.2545'; // the Duomo and the Arno, zoom 15.5
const OFM = 'https://tiles.openfreemap.org';
const READY = 180_000;

/** A page that records requests, responses and console errors from before navigation. */
async function open(browser, url, routes = async () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await routes(context);
  const requests = [];
  const responses = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, requests, responses, errors };
}

async function waitForBasemap(page, id, state = 'ready') {
  await page.waitForFunction(
    ([i, s]) => {
      const el = document.querySelector('.map');
      return el?.dataset.basemap === i && el.dataset.basemapStatus === s;
    },
    [id, state],
    { timeout: READY },
  );
}

async function mapShot(page, name) {
  const png = await page.locator('.map canvas').first().screenshot({ timeout: 120_000 });
  mkdirSync(SCRATCH, { recursive: true });
  await page.screenshot({ path: path.join(SCRATCH, `e2e-basemap-${name}.png`) });
  return png;
}

const foreign = (app, origin) => app.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));

for (const range of [true, false]) {
  describe(`Florence PMTiles basemap, ${range ? 'with HTTP Range' : 'from a server that ignores Range (--no-range)'}`, () => {
    let env;
    let app;
    before(async () => {
      env = await startBrowser({ range });
      app = await open(env.browser, `${env.server.url}?basemap=florence${FLORENCE_VIEW}`);
      await waitForBasemap(app.page, 'florence');
    });
    after(async () => {
      await app?.context.close();
      await env?.close();
    });

    it('draws a street map with text labels from self-hosted glyphs', async () => {
      const png = await mapShot(app.page, `florence-${range ? 'range' : 'norange'}`);
      // Arno water (#a4cae1 ± antialiasing) and many colours: buildings, roads, parks, label halos.
      const stats = await pixelStats(env.browser, png, 'Math.abs(r - 164) < 6 && Math.abs(g - 202) < 6 && Math.abs(b - 225) < 6');
      assert.ok(stats.distinctColours > 400, `only ${stats.distinctColours} colours: not a street map`);
      assert.ok(stats.dataPixels > 5000, `only ${stats.dataPixels} Arno-coloured pixels`);
      const glyphs = app.responses.filter((r) => /\/vendor\/glyphs\/NotoSans-[A-Za-z]+\/\d+-\d+\.pbf$/.test(r.url));
      assert.ok(glyphs.length > 0, 'no glyph range was requested: no labels drawn');
      assert.deepEqual(glyphs.filter((r) => r.status !== 200), [], 'every glyph range answered 200');
      assert.ok(glyphs.every((r) => r.url.startsWith(env.server.url)), 'glyphs come from our own origin and sub-path');
    });

    it(range ? 'reads the archive with byte-range requests' : 'falls back to reading the archive whole, once', () => {
      const archive = app.responses.filter((r) => r.url.endsWith('/data/sample/basemap/firenze.pmtiles'));
      if (range) {
        assert.ok(archive.length >= 2, `${archive.length} archive requests`);
        assert.ok(archive.every((r) => r.status === 206), `statuses ${archive.map((r) => r.status)}`);
      } else {
        assert.deepEqual(archive.map((r) => r.status), [200]);
      }
    });

    it('credits the basemap and the backdrop in the attribution', async () => {
      const text = await app.page.locator('.maplibregl-ctrl-attrib').innerText();
      assert.match(text, /© OpenStreetMap contributors, Protomaps/);
      assert.match(text, /Made with Natural Earth/);
    });

    it('sends no request to another origin and logs no console errors', () => {
      assert.deepEqual(foreign(app, new URL(env.server.url).origin), []);
      assert.deepEqual(app.errors, []);
    });
  });
}

describe('default config (NYC): offline basemap, online styles only when picked', () => {
  let env;
  let app;
  before(async () => {
    env = await startBrowser();
    // The online style is answered by fixtures: the test machine has no internet, and the
    // point is what the app asks for and when, and that the CSP lets it.
    app = await open(env.browser, env.server.url, (context) =>
      context.route(`${OFM}/**`, (route) => {
        const url = route.request().url();
        if (url.endsWith('/styles/liberty')) {
          return route.fulfill({
            json: {
              version: 8,
              sources: { openmaptiles: { type: 'vector', url: `${OFM}/planet` } },
              layers: [
                { id: 'background', type: 'background', paint: { 'background-color': '#f8f4f0' } },
                { id: 'water', type: 'fill', source: 'openmaptiles', 'source-layer': 'water', paint: { 'fill-color': '#90cce0' } },
              ],
            },
          });
        }
        if (url.endsWith('/planet')) {
          return route.fulfill({ json: { tilejson: '3.0.0', tiles: [`${OFM}/planet/{z}/{x}/{y}.pbf`], minzoom: 0, maxzoom: 14, attribution: 'upstream credit' } });
        }
        return route.fulfill({ status: 200, contentType: 'application/x-protobuf', body: Buffer.alloc(0) });
      }),
    );
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  it('shows the prebuilt Manhattan basemap, with no tilemaker, no 404 and no console error', async () => {
    // The sample's default basemap is copied from ../shared/basemap at build time: missing is a failure.
    const archive = path.join(DIST, 'data/sample/basemap/manhattan-south-omt.pmtiles');
    assert.ok(existsSync(archive), `${archive} is missing: npm run build copies it from ../shared/basemap/manhattan-south-omt.pmtiles`);
    await waitForBasemap(app.page, 'manhattan');
    const png = await mapShot(app.page, 'nyc-default');
    const stats = await pixelStats(env.browser, png, 'false');
    assert.ok(stats.distinctColours > 20, `only ${stats.distinctColours} colours: blank map`);
    assert.match(await app.page.locator('.maplibregl-ctrl-attrib').innerText(), /© OpenStreetMap contributors/);
    assert.match(await app.page.locator('.maplibregl-ctrl-attrib').innerText(), /Made with Natural Earth/);
    assert.deepEqual(foreign(app, new URL(env.server.url).origin), [], 'nothing fetched from another origin before a pick');
    // Points and hexagons are interleaved under the street and place names.
    await app.page.waitForFunction((want) => document.querySelector('.map')?.dataset.labelsOverData === want, 'yes', { timeout: 180_000 });
    assert.deepEqual(app.responses.filter((r) => r.status >= 400), [], 'every request answered');
    assert.deepEqual(app.errors, []);
    // The backdrop ships 1:110m for the world and 1:10m cut to the extent, never the whole 10 m file.
    const backdrop = new Set(app.responses.filter((r) => /\/vendor\/land-[^/]+\.geojson$/.test(r.url)).map((r) => r.url.replace(/^.*\/vendor\//, '')));
    assert.deepEqual([...backdrop].sort(), ['land-110m.geojson', 'land-detail.geojson']);
  });

  it('lists the online styles in an accessible picker, and fetches one only when picked', async () => {
    const toggle = app.page.getByRole('button', { name: /^Basemap: / });
    await toggle.click();
    const group = app.page.getByRole('group', { name: 'Basemap' });
    await group.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await group.getByRole('radio', { name: /Manhattan, Battery to 59th St/ }).isChecked());
    assert.ok(app.requests.every((u) => !u.startsWith(OFM)), 'an online style was fetched before being picked');

    await group.getByRole('radio', { name: /OpenFreeMap Liberty/ }).check();
    await waitForBasemap(app.page, 'openfreemap-liberty');
    assert.ok(app.requests.includes(`${OFM}/styles/liberty`));
    assert.ok(app.requests.some((u) => u.startsWith(`${OFM}/planet/`)), 'its tiles were requested (CSP allowed the origin)');
    await app.page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('basemap') === 'openfreemap-liberty');
    const text = await app.page.locator('.maplibregl-ctrl-attrib').innerText();
    assert.match(text, /OpenFreeMap © OpenMapTiles © OpenStreetMap contributors/);
    assert.doesNotMatch(text, /upstream credit/, 'the configured attribution replaces the tiles\' own');
    await app.page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(app.errors, []);
  });
});

describe('never blank: a basemap that cannot load leaves the backdrop', () => {
  let env;
  let app;
  before(async () => {
    env = await startBrowser();
    app = await open(env.browser, `${env.server.url}?basemap=chicago-loop`, (context) =>
      context.route('**/chicago-loop-omt.pmtiles', (route) => route.fulfill({ status: 404, body: 'not found' })),
    );
    await waitForBasemap(app.page, 'chicago-loop', 'failed');
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  it('draws Natural Earth land and sea, and says why the basemap is missing', async () => {
    const png = await mapShot(app.page, 'failed');
    // The backdrop's land (#f3f1ec) and sea (#c9d7e3) both show.
    const land = await pixelStats(env.browser, png, 'r === 243 && g === 241 && b === 236');
    const sea = await pixelStats(env.browser, png, 'r === 201 && g === 215 && b === 227');
    assert.ok(land.dataPixels > 1000 && sea.dataPixels > 1000, `land ${land.dataPixels} px, sea ${sea.dataPixels} px`);
    assert.match(await app.page.locator('.basemap-note').innerText(), /Basemap unavailable \(Chicago Loop.*404/);
  });
});

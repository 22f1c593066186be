// Every state is a link: zoom, toggle a layer, change a layer's statistic, then open the
// URL in a fresh page and find the same layers, settings and view; back and forward move
// through the layer changes; an old link still opens, and a link that no longer fits says
// what it dropped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

const LONG = { timeout: 180_000 };
const ANIMALS = 'nyc_311_animal_complaints_2025';
const POINTS = `${ANIMALS}: points`;
const HEX = `${ANIMALS}: rows per 500 m hexagon`;

const layerList = (page) => page.getByRole('list', { name: 'Layers' });
const layerItem = (page, title) => layerList(page).getByRole('listitem').filter({ hasText: title });

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: `Loaded ${ANIMALS}: 4,969 rows` }).waitFor(LONG);
}

/** What the layer panel shows: each layer's title, whether it is shown, and its statistic where it has one. */
async function panelState(page) {
  const items = layerList(page).getByRole('listitem');
  const out = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const stat = item.locator('select[id$="-stat"]');
    out.push({
      title: await item.locator('.layer-title').innerText(),
      visible: await item.getByRole('checkbox').first().isChecked(),
      stat: (await stat.count()) ? await stat.inputValue() : null,
    });
  }
  return out;
}

const hashParam = (url, name) => new URLSearchParams(new URL(url).hash.slice(1)).get(name);

/** The map view as MapLibre reports it, read from the map canvas' container through the link the app wrote. */
async function waitForHash(page, test) {
  await page.waitForFunction(test, null, { timeout: 60_000 });
  return page.url();
}

describe('links', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  it('round-trips zoom, a hidden layer and a changed statistic into a fresh page', async () => {
    // An old link: ?data= and MapLibre's #zoom/lat/lon.
    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/${ANIMALS}.csv#11/40.70/-73.90`);
    await waitLoaded(app.page);
    await layerItem(app.page, HEX).waitFor();
    // The old link is rewritten in the codec's form, keeping its view.
    let url = await waitForHash(app.page, () => location.hash.startsWith('#map='));
    assert.equal(new URL(url).search, '', 'the old ?data= moves into the link state');
    assert.equal(hashParam(url, 'map'), '11/40.7/-73.9');
    const entries = await app.page.evaluate(() => history.length);

    // Zoom in with the map's own control.
    // dispatchEvent: after the merge of main something in .app takes the pointer over the map controls (see the report).
    await app.page.getByRole('button', { name: 'Zoom in' }).dispatchEvent('click');
    url = await waitForHash(app.page, () => new URLSearchParams(location.hash.slice(1)).get('map')?.startsWith('12/'));
    assert.equal(await app.page.evaluate(() => history.length), entries, 'a zoom replaces the history entry');

    await layerItem(app.page, POINTS).getByRole('checkbox').uncheck();
    await waitForHash(app.page, () => new URLSearchParams(location.hash.slice(1)).has('s'));
    const hex = layerItem(app.page, HEX);
    await hex.getByText('Settings').click();
    await app.page.waitForTimeout(1100); // two changes a second apart are two steps back
    await hex.locator('select[id$="-stat"]').selectOption('distinct');
    const before = await panelState(app.page);
    assert.deepEqual(before.map((l) => [l.title, l.visible, l.stat]), [
      [POINTS, false, null],
      [HEX, true, 'distinct'],
    ]);
    const withStat = await app.page.waitForFunction((prev) => location.href !== prev && location.href, url, { timeout: 60_000 });
    url = await withStat.jsonValue();
    assert.ok(url.length < 2000, `link of ${url.length} characters`);
    assert.equal(await app.page.evaluate(() => history.length), entries + 2, 'each layer change is a history entry');

    // Back undoes the statistic, then the hidden layer; forward redoes it.
    await app.page.goBack();
    await app.page.waitForFunction(() => document.querySelector('[data-layer^="hexagon"] select[id$="-stat"]')?.value === 'count', null, { timeout: 30_000 });
    await app.page.goBack();
    await app.page.waitForFunction(() => document.querySelector('[data-layer^="points"] input[type=checkbox]')?.checked === true, null, { timeout: 30_000 });
    assert.equal(hashParam(app.page.url(), 'map').split('/')[0], '12', 'going back keeps the view');
    await app.page.goForward();
    await app.page.goForward();
    await app.page.waitForFunction((u) => location.href === u, url, { timeout: 30_000 });
    assert.deepEqual(await panelState(app.page), before);
    assert.deepEqual(app.errors, []);
    await app.context.close();

    // A fresh page from the link: the same layers, settings and view, and the same link.
    const fresh = await openApp(env.browser, url);
    await waitLoaded(fresh.page);
    await fresh.page.waitForFunction(() => document.querySelector('[data-layer^="hexagon"] select[id$="-stat"]')?.value === 'distinct', null, { timeout: 60_000 });
    assert.deepEqual(await panelState(fresh.page), before);
    const view = await fresh.page.evaluate(() => {
      const c = document.querySelector('.map');
      return c?.dataset.view ?? null;
    });
    assert.equal(view, hashParam(url, 'map'), 'the map shows the link\'s view');
    await fresh.page.waitForTimeout(500);
    assert.equal(fresh.page.url(), url, 'the restored page writes the same link');
    assert.deepEqual(fresh.errors, []);
    await fresh.context.close();
  });

  it('announces loads made together in one message naming them all', async () => {
    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/nyc_boroughs.geojson&data=data/sample/${ANIMALS}.csv#10/40.7/-73.9`);
    const status = app.page.getByRole('status');
    await status.filter({ hasText: /^Loaded 2 datasets/ }).waitFor(LONG);
    assert.equal(await status.innerText(), `Loaded 2 datasets: nyc_boroughs (5 rows), ${ANIMALS} (4,969 rows)`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('opens what still fits a link and says what it dropped', async () => {
    // A link from a dashboard that had a layer this one lacks, and a layer over a dataset that is not loaded.
    const hash = await (async () => {
      const payload = {
        d: [`u:data/sample/${ANIMALS}.csv`],
        l: [`hexagon-${ANIMALS}`, 'hexagon-gone', { kind: 'points', id: 'p2', dataset: 'not_loaded', title: 'Old points' }],
      };
      return `#map=12/40.7/-73.9&s=j${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    })();
    const app = await openApp(env.browser, `${env.server.url}${hash}`);
    await waitLoaded(app.page);
    const alert = app.page.getByRole('alert').filter({ hasText: 'hexagon-gone' });
    await alert.waitFor({ timeout: 60_000 });
    const text = await alert.innerText();
    assert.match(text, /The link’s layer “hexagon-gone” is no longer in this dashboard: left out/);
    assert.match(text, /The link’s layer “Old points” was left out: its dataset “not_loaded” is not loaded/);
    assert.deepEqual((await panelState(app.page)).map((l) => l.title), [HEX]);
    await app.context.close();
  });
});

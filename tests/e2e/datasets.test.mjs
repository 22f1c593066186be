// The dataset panel, end to end in Chromium against dist/: details and columns, rename,
// zoom to extent, the catalog, Load from URL, cancel, drag and drop, and bad files that
// end in a clear alert while the app keeps working. Only our own origin is used.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, startBrowser } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (p) => path.join(here, '../fixtures', p);
const LONG = { timeout: 180_000 };

async function waitStatus(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor(LONG);
}

async function alertText(page) {
  const alert = page.locator('[role=alert]');
  await alert.filter({ hasText: /\S/ }).waitFor(LONG);
  return alert.textContent();
}

/** The map view from the link the app writes: #map=zoom/lat/lon (none yet: NaN). */
async function hashView(page) {
  const map = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('map') ?? '';
  const [zoom, lat, lon] = map.split('/').map(Number);
  return { zoom, lat, lon };
}

describe('dataset panel', () => {
  let env;
  let app;
  const racks = () => app.page.locator('[data-dataset="sf_bike_parking_racks"]');
  before(async () => {
    env = await startBrowser();
    app = await openApp(env.browser, `${env.server.url}?data=data/sample/sf_bike_parking_racks.csv`);
    await waitStatus(app.page, 'Loaded sf_bike_parking_racks: 2,520 rows');
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  it('shows the dataset with its rows, columns and types, geometry and extent', async () => {
    assert.match(await racks().innerText(), /2,520 rows/);
    await racks().getByText('Columns (9)').click();
    const columns = await racks().locator('[data-column]').allInnerTexts();
    assert.equal(columns.length, 9);
    assert.ok(columns.includes('lon DOUBLE'), columns.join('; '));
    assert.ok(columns.some((c) => /^racks BIGINT/.test(c)), columns.join('; '));
    assert.ok(!columns.some((c) => c.startsWith('__')), 'internal columns are hidden');
    await racks().getByText('Details').click();
    const details = await racks().locator('.dataset-details dl').innerText();
    assert.match(details, /point, from columns “lon”\/“lat”/);
    assert.match(details, /EPSG:4326 \(assumed: the file does not say\)/);
    assert.match(details, /-122\.5113, 37\.7095 to -122\.3765, 37\.8060/);
    assert.match(details, /sf_bike_parking_racks\.csv \(csv, 164\.6 KiB\)/);
  });

  it('names a bad file and its problem in the alert, and keeps the data and the app working', async () => {
    const input = app.page.getByLabel('Open data file');
    await input.setInputFiles(fixture('bad/not-parquet.parquet'));
    assert.match(await alertText(app.page), /not-parquet\.parquet is not a readable Parquet file/);
    await input.setInputFiles(fixture('bad/malformed.geojson'));
    await app.page.locator('[role=alert]').filter({ hasText: 'malformed.geojson' }).waitFor(LONG);
    assert.match(await app.page.locator('[role=alert]').textContent(), /malformed\.geojson is not valid JSON/);
    assert.match(await racks().innerText(), /2,520 rows/);
    // Two good files in one pick load one after the other, and one message names both.
    await input.setInputFiles([fixture('good/points.ndjson'), fixture('good/wkt.csv')]);
    await app.page.locator('[data-dataset="wkt"]').waitFor(LONG);
    await waitStatus(app.page, 'Loaded 2 datasets: points (3 rows), wkt (4 rows)');
    assert.match(await app.page.locator('[data-dataset="points"]').innerText(), /3 rows/);
    assert.equal(await app.page.locator('[role=alert]').textContent(), '');
  });

  it('renames a dataset but keeps its id', async () => {
    await app.page.getByRole('button', { name: 'Rename sf_bike_parking_racks' }).click();
    await app.page.getByLabel('New name for sf_bike_parking_racks').fill('SF <b>racks</b>');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await racks().locator('.dataset-name').filter({ hasText: 'SF <b>racks</b>' }).waitFor();
    assert.equal(await racks().locator('.dataset-name b').count(), 0, 'the name is text, not HTML');
    assert.match(await racks().innerText(), /2,520 rows/);
  });

  it('zooms the map to a dataset and the URL hash follows', async () => {
    const before = await hashView(app.page);
    // The map starts over New York (the config's view; the hash may not be written yet).
    assert.ok(!(before.lon < -122), `starts away from San Francisco (${before.lon})`);
    await app.page.getByRole('button', { name: 'Zoom to extent of SF <b>racks</b>' }).click();
    await app.page.waitForFunction(() => Number(new URLSearchParams(location.hash.slice(1)).get('map')?.split('/')[2]) < -122, null, LONG);
    const view = await hashView(app.page);
    assert.ok(view.lat > 37.7 && view.lat < 37.81, `lat ${view.lat}`);
    assert.ok(view.zoom > 10, `zoom ${view.zoom}`);
  });

  it('lists the catalog datasets not loaded and loads one', async () => {
    const catalog = app.page.locator('details.catalog');
    await catalog.locator('summary').click();
    assert.match(await catalog.locator('summary').innerText(), /Catalog: 14 more datasets/);
    assert.equal(await catalog.locator('[data-catalog="sf_bike_parking_racks"]').count(), 0);
    const entry = catalog.locator('[data-catalog="chicago_neighborhoods"]');
    assert.match(await entry.innerText(), /Chicago · 98 rows/);
    assert.match(await entry.innerText(), /City of Chicago/);
    await entry.getByRole('button', { name: 'Load chicago_neighborhoods' }).click();
    await waitStatus(app.page, 'Loaded chicago_neighborhoods: 98 rows');
    await catalog.locator('[data-catalog="chicago_neighborhoods"]').waitFor({ state: 'detached' });
    assert.match(await app.page.locator('[data-dataset="chicago_neighborhoods"]').innerText(), /City of Chicago/);
  });

  it('shows load progress as text and cancels a load', async () => {
    const catalog = app.page.locator('details.catalog');
    // The progress box lives only as long as the load, which a busy page may never get to
    // poll, and progress messages travel on their own port, so they may trail the load's
    // answer: a MutationObserver records every progress text and presses Cancel as soon as
    // the box shows one, before the fetch can finish.
    await app.page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__progressSeen = [];
      const observer = new MutationObserver(() => {
        const text = document.querySelector('.progress-text')?.textContent ?? '';
        if (text && w.__progressSeen.at(-1) !== text) w.__progressSeen.push(text);
        const cancel = [...document.querySelectorAll('button')].find(
          (b) => b.getAttribute('aria-label') === 'Cancel loading nyc_citibike_station_status_2024-03.parquet',
        );
        if (text && cancel) {
          observer.disconnect();
          cancel.click();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await catalog.getByRole('button', { name: 'Load Citi Bike station status, March 2024' }).click();
    await waitStatus(app.page, 'Cancelled loading nyc_citibike_station_status_2024-03.parquet').catch(async (err) => {
      const seen = await app.page.evaluate(() => /** @type {any} */ (window).__progressSeen);
      const status = await app.page.getByRole('status').allTextContents();
      throw new Error(`${err.message}\nprogress texts: ${seen.join(' | ')}\nstatus: ${status.join(' | ')}`);
    });
    const seen = await app.page.evaluate(() => /** @type {any} */ (window).__progressSeen);
    assert.match(seen[0], /^nyc_citibike_station_status_2024-03\.parquet: /);
    assert.equal(await app.page.locator('[role=alert]').textContent(), '');
    assert.equal(await app.page.locator('[data-dataset="nyc_citibike_station_status_2024_03"]').count(), 0);
    assert.equal(await app.page.locator('.progress-box').count(), 0);
    assert.equal(await catalog.locator('[data-catalog="nyc_citibike_station_status_2024_03"]').count(), 1);
  });

  it('loads a relative URL from the dialog, and names a URL that 404s', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Load from URL' }).click();
    const dialog = page.getByRole('dialog', { name: 'Load from URL' });
    await dialog.getByLabel('Data URL').fill('data/sample/sf_planning_neighborhoods.geojson');
    await dialog.getByRole('button', { name: 'Load' }).click();
    await waitStatus(page, 'Loaded sf_planning_neighborhoods: 37 rows');
    assert.equal(await dialog.isVisible(), false);

    await page.getByRole('button', { name: 'Load from URL' }).click();
    await dialog.getByLabel('Data URL').fill('data/sample/no-such-file.csv');
    await dialog.getByRole('button', { name: 'Load' }).click();
    const text = await alertText(page);
    const url = new URL('data/sample/no-such-file.csv', env.server.url).href;
    assert.ok(text.includes(url), text);
    assert.match(text, /HTTP 404.*no file at that address/);
    assert.match(await racks().innerText(), /2,520 rows/);
  });

  it('announces the drop overlay and loads several dropped files in turn', async () => {
    const page = app.page;
    const dt = await page.evaluateHandle(() => {
      const t = new DataTransfer();
      t.items.add(new File(['lon,lat,name\n-122.41,37.78,a\n-122.42,37.77,b\n'], 'drop_a.csv', { type: 'text/csv' }));
      t.items.add(new File(['lon,lat\n-122.40,37.79\n-122.43,37.76\n-122.44,37.75\n'], 'drop_b.csv', { type: 'text/csv' }));
      return t;
    });
    await page.dispatchEvent('.app', 'dragover', { dataTransfer: dt });
    // The overlay appears inside a live region that is always there, so it is announced.
    const region = page.locator('.drop-region[aria-live]');
    await region.locator('.drop-overlay').filter({ hasText: 'Drop files to load them' }).waitFor();
    await page.dispatchEvent('.app', 'drop', { dataTransfer: dt });
    await page.locator('[data-dataset="drop_b"]').waitFor(LONG);
    assert.match(await page.locator('[data-dataset="drop_a"]').innerText(), /2 rows/);
    assert.match(await page.locator('[data-dataset="drop_b"]').innerText(), /3 rows/);
    assert.equal(await region.innerText(), '');
  });

  it('removes a dataset and the catalog offers it again', async () => {
    await app.page.getByRole('button', { name: 'Remove chicago_neighborhoods' }).click();
    await app.page.locator('[data-dataset="chicago_neighborhoods"]').waitFor({ state: 'detached' });
    await app.page.locator('details.catalog [data-catalog="chicago_neighborhoods"]').waitFor();
  });

  it('logs no console errors but the expected 404', () => {
    assert.deepEqual(app.errors.filter((e) => !/404/.test(e)), []);
  });
});

// Map layers end to end: a choropleth over census tracts, points joined to boroughs,
// legends that match the drawn breaks, tooltips with the right numbers, and data values
// shown as text. Expected figures are computed here from the files, independently.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantileSorted } from 'simple-statistics';
import { openApp, pixelStats, startBrowser, waitLoaded } from './harness.mjs';
import { parseCsv } from './csv.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.CITYLENS_SHARED_DATA ?? path.resolve(here, '../../../shared/data');
const fmt4 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const fmtInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Even-odd ray casting over every ring of a (Multi)Polygon. */
function inside(lon, lat, geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let hit = false;
  for (const rings of polys) for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
    }
  }
  return hit;
}

/** Round trips to the engine each layer's data has cost, as the app marks them (one mark per fetch). */
async function layerRoundTrips(page) {
  return page.evaluate(() => performance.getEntriesByName('citylens:layer-data').map((e) => e.detail));
}

async function hoverTooltip(page) {
  // The target is at the centre of the viewport (the URL hash centres the map on it).
  const tip = page.locator('.deck-tooltip');
  for (let i = 0; i < 20; i++) {
    await page.mouse.move(640 + (i % 2), 400);
    if (await tip.isVisible() && (await tip.innerText()).trim()) return tip.innerText();
    await page.waitForTimeout(500);
  }
  throw new Error('no tooltip appeared');
}

describe('map layers', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  it('draws a census-tract choropleth whose legend matches its quantile breaks', async () => {
    const tracts = JSON.parse(readFileSync(path.join(SHARED, 'nyc_census_tracts_2010.geojson'), 'utf8'));
    const pops = tracts.features.map((f) => f.properties.Population).filter(Number.isFinite).sort((a, b) => a - b);
    const breaks = [1, 2, 3, 4, 5].map((i) => quantileSorted(pops, i / 6));
    const expected = [`< ${fmt4.format(breaks[0])}`, ...breaks.slice(1).map((b, i) => `${fmt4.format(breaks[i])} – < ${fmt4.format(b)}`), `≥ ${fmt4.format(breaks[4])}`];
    // A tract to hover: Manhattan's 1st tract with the largest population.
    const target = tracts.features.filter((f) => f.properties.boro_name === 'Manhattan').sort((a, b) => b.properties.Population - a.properties.Population)[0];
    const ring = target.geometry.type === 'Polygon' ? target.geometry.coordinates[0] : target.geometry.coordinates[0][0];
    let [lon, lat] = ring.reduce(([x, y], [a, b]) => [x + a / ring.length, y + b / ring.length], [0, 0]);
    assert.ok(inside(lon, lat, target.geometry), 'vertex mean of the tract lies inside it');

    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/nyc_census_tracts_2010.geojson#14/${lat}/${lon}`);
    await waitLoaded(app.page, 'nyc_census_tracts_2010', '2,166');
    const legend = app.page.locator('[data-legend]').first();
    await legend.waitFor({ timeout: 120_000 });
    const labels = await legend.locator('li').allInnerTexts();
    assert.deepEqual(labels.map((s) => s.trim()), expected);
    // The choropleth's mesh, values and names came back from one request.
    assert.deepEqual((await layerRoundTrips(app.page)).map((t) => t.remoteCalls), [1]);

    const tip = await hoverTooltip(app.page);
    assert.match(tip, new RegExp(`Population: ${fmtInt.format(target.properties.Population)}`));

    await app.page.goto(`${env.server.url}?data=data/sample/nyc_census_tracts_2010.geojson#10.4/40.70/-73.94`);
    await waitLoaded(app.page, 'nyc_census_tracts_2010', '2,166');
    await app.page.locator('[data-legend]').first().waitFor({ timeout: 120_000 });
    // Full opacity, so drawn fills have exactly the legend's colours.
    await app.page.locator('[data-layer] input[type=range]').first().fill('1');
    await app.page.waitForTimeout(2000);
    // An opacity change is drawing, not data: no new request.
    assert.deepEqual((await layerRoundTrips(app.page)).map((t) => t.remoteCalls), [1]);
    const png = await app.page.locator('.map canvas').first().screenshot({ timeout: 120_000 });
    // Count the pixels of each legend class colour.
    const swatches = await app.page.locator('[data-legend] .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const classes = swatches.slice(0, 6).map((c) => c.match(/\d+/g).slice(0, 3).map(Number));
    const tests = classes.map(([r, g, b]) => `(Math.abs(r-${r})<4&&Math.abs(g-${g})<4&&Math.abs(b-${b})<4)`);
    const seen = [];
    for (const t of tests) seen.push((await pixelStats(env.browser, png, t)).dataPixels);
    assert.ok(seen.filter((n) => n > 30).length >= 5, `fill colours on the map per class: ${seen.join(', ')}`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('joins 311 complaints to boroughs and the tooltip shows the right count', async () => {
    const boroughs = JSON.parse(readFileSync(path.join(SHARED, 'nyc_boroughs.geojson'), 'utf8'));
    const manhattan = boroughs.features.find((f) => f.properties.name === 'Manhattan');
    const csv = readFileSync(path.join(SHARED, 'nyc_311_animal_complaints_2025.csv'), 'utf8');
    const expected = countInside(csv, manhattan.geometry);
    const app = await openApp(
      env.browser,
      `${env.server.url}?data=data/sample/nyc_boroughs.geojson&data=data/sample/nyc_311_animal_complaints_2025.csv#12/40.78/-73.965`,
    );
    await waitLoaded(app.page, 'nyc_311_animal_complaints_2025', '4,969');
    // Add a choropleth of the complaints by borough through the layer panel.
    const form = app.page.locator('form.add-layer');
    await form.getByLabel('Data').selectOption({ label: 'nyc_311_animal_complaints_2025' });
    await form.getByLabel('As').selectOption('districts');
    await form.getByRole('button', { name: 'Add layer' }).click();
    await app.page.locator('[data-legend]').first().waitFor({ timeout: 120_000 });
    // Hide the points and hexagons so the hover reaches the choropleth.
    for (const title of ['nyc_311_animal_complaints_2025: points', 'nyc_311_animal_complaints_2025: rows per 500 m hexagon']) {
      await app.page.locator('[data-layer]', { hasText: title }).getByRole('checkbox').uncheck();
    }
    const tip = await hoverTooltip(app.page);
    assert.match(tip, /^Manhattan/);
    assert.match(tip, new RegExp(`Rows: ${fmtInt.format(expected)}\\b`));
    // Every layer (the districts one too: aggregate, mesh and names) cost one round trip.
    const layers = await app.page.locator('[data-layer]').count();
    await app.page.waitForFunction((n) => performance.getEntriesByName('citylens:layer-data').length >= n, layers, { timeout: 60_000 });
    const trips = await layerRoundTrips(app.page);
    assert.equal(trips.length, layers, JSON.stringify(trips));
    assert.ok(trips.every((t) => t.remoteCalls === 1), JSON.stringify(trips));
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('colours points by a category column, with a legend of the categories', async () => {
    const csv = readFileSync(path.join(SHARED, 'nyc_311_animal_complaints_2025.csv'), 'utf8');
    const [header, ...rows] = parseCsv(csv);
    const types = new Set(rows.filter((r) => r.length === header.length).map((r) => r[header.indexOf('Complaint Type')]));
    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/nyc_311_animal_complaints_2025.csv#10.5/40.70/-73.90`);
    await waitLoaded(app.page, 'nyc_311_animal_complaints_2025', '4,969');
    const layer = app.page.locator('[data-layer]', { hasText: 'nyc_311_animal_complaints_2025: points' });
    await layer.locator('summary', { hasText: 'Settings' }).click();
    await layer.getByLabel('Colour by').selectOption('Complaint Type');
    const legend = app.page.getByRole('figure', { name: 'Legend: nyc_311_animal_complaints_2025: points' });
    await legend.waitFor({ timeout: 60_000 });
    const labels = (await legend.locator('li').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual([...labels].sort(), [...types].sort());
    // Hide the hexagons so only the coloured points draw over the basemap.
    await app.page.locator('[data-layer]', { hasText: 'rows per 500 m hexagon' }).getByRole('checkbox').uncheck();
    await app.page.waitForTimeout(2000);
    const png = await app.page.locator('.map canvas').first().screenshot({ timeout: 120_000 });
    const swatches = await legend.locator('.swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor.match(/\d+/g).slice(0, 3).map(Number)));
    let coloursSeen = 0;
    for (const [r, g, b] of swatches) {
      const { dataPixels } = await pixelStats(env.browser, png, `Math.abs(r-${r})<40&&Math.abs(g-${g})<40&&Math.abs(b-${b})<40`);
      if (dataPixels > 5) coloursSeen++;
    }
    assert.ok(coloursSeen >= 3, `only ${coloursSeen} category colours on the map`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('draws a heatmap of points added through the layer panel', async () => {
    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/sf_bike_parking_racks.csv#12.5/37.77/-122.43`);
    await waitLoaded(app.page, 'sf_bike_parking_racks', '2,520');
    const form = app.page.locator('form.add-layer');
    await form.getByLabel('As').selectOption('heatmap');
    await form.getByRole('button', { name: 'Add layer' }).click();
    for (const title of ['sf_bike_parking_racks: points', 'rows per 500 m hexagon']) {
      await app.page.locator('[data-layer]', { hasText: title }).getByRole('checkbox').uncheck();
    }
    await app.page.waitForTimeout(3000);
    const png = await app.page.locator('.map canvas').first().screenshot({ timeout: 120_000 });
    // The heatmap's yellow-to-red ramp; the backdrop here is grey land and blue sea.
    const stats = await pixelStats(env.browser, png, 'r>200 && g<200 && b<140');
    assert.ok(stats.dataPixels > 1000, `only ${stats.dataPixels} heatmap-coloured pixels`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('draws a line dataset as lines', async () => {
    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/sf_planning_neighborhoods.geojson`);
    await waitLoaded(app.page, 'sf_planning_neighborhoods', '37');
    await app.page.getByLabel('Open data file').setInputFiles(path.join(here, '../fixtures/good/lines.geojson'));
    await waitLoaded(app.page, 'lines', '2');
    const item = app.page.locator('[data-layer]', { hasText: 'lines: lines' });
    await item.waitFor({ timeout: 60_000 });
    await app.page.locator('[data-dataset="lines"]').getByRole('button', { name: /zoom/i }).click();
    await app.page.waitForTimeout(2500);
    const png = await app.page.locator('.map canvas').first().screenshot({ timeout: 120_000 });
    // The line colour (31, 95, 153) over the basemap.
    const stats = await pixelStats(env.browser, png, 'Math.abs(r-31)<30 && Math.abs(g-95)<30 && Math.abs(b-153)<30');
    assert.ok(stats.dataPixels > 100, `only ${stats.dataPixels} line-coloured pixels`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  it('shows a property value that is HTML as literal text', async () => {
    // A small dataset in the URL instead of the default 1.8M-row sample keeps the engine free.
    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/sf_planning_neighborhoods.geojson#13/40.72/-73.995`);
    await waitLoaded(app.page, 'sf_planning_neighborhoods', '37');
    let dialog = false;
    app.page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await app.page.getByLabel('Open data file').setInputFiles(path.join(here, '../fixtures/e2e/xss-districts.geojson'));
    await waitLoaded(app.page, 'xss-districts', '2');
    await app.page.locator('[data-legend]').first().waitFor({ timeout: 60_000 });
    const tip = await hoverTooltip(app.page);
    assert.match(tip, /^<img src=x onerror=alert\(1\)>/);
    assert.equal(await app.page.locator('img[src="x"]').count(), 0);
    assert.equal(dialog, false);
    await app.context.close();
  });
});

function countInside(csv, geometry) {
  const [header, ...rows] = parseCsv(csv);
  const iLat = header.indexOf('Latitude');
  const iLon = header.indexOf('Longitude');
  let n = 0;
  for (const cells of rows) {
    if (cells.length !== header.length) continue;
    const lat = Number(cells[iLat]);
    const lon = Number(cells[iLon]);
    if (cells[iLat] && cells[iLon] && inside(lon, lat, geometry)) n++;
  }
  return n;
}

describe('hotspot layer', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  it('shows the hotspot legend, summary and ranked table, with HTML names as text', async () => {
    // A small dataset in the URL instead of the default 1.8M-row sample keeps the engine free.
    const app = await openApp(env.browser, `${env.server.url}?data=data/sample/sf_planning_neighborhoods.geojson#13/40.724/-73.99`);
    await waitLoaded(app.page, 'sf_planning_neighborhoods', '37');
    let dialog = false;
    app.page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await app.page.getByLabel('Open data file').setInputFiles(path.join(here, '../fixtures/e2e/hotspot-blocks.geojson'));
    await waitLoaded(app.page, 'hotspot-blocks', '36');
    await app.page.getByLabel('Open data file').setInputFiles(path.join(here, '../fixtures/e2e/hotspot-points.csv'));
    await waitLoaded(app.page, 'hotspot-points', '539');
    const form = app.page.locator('form.add-layer');
    await form.getByLabel('Data').selectOption({ label: 'hotspot-points' });
    await form.getByLabel('As').selectOption('districts');
    await form.getByRole('button', { name: 'Add layer' }).click();
    // The new districts layer: the one whose settings pick a districts dataset.
    const layer = app.page.locator('[data-layer]').filter({ has: app.page.locator('select[id$="-districts"]') }).first();
    await layer.locator('summary', { hasText: 'Settings' }).click();
    await layer.locator('select[id$="-districts"]').selectOption({ label: 'hotspot-blocks' });
    await layer.getByLabel('Analysis').selectOption('hotspots');
    const legend = app.page.locator('[data-analysis="hotspots"]');
    await legend.waitFor({ timeout: 120_000 });
    // The planted 3×3 cluster of 40-point blocks: its centre is the strongest hot spot.
    const summary = await legend.locator('[data-summary]').innerText();
    assert.match(summary, /\d+ hot spots? and/);
    const firstRow = legend.locator('table.ranked tbody tr').first();
    assert.equal(await firstRow.locator('th').innerText(), '<img src=x onerror=alert(1)>');
    assert.match(await firstRow.innerText(), /Hot spot, 99 % confidence/);
    assert.ok(await legend.locator('li[data-class="hot-99"]').count());
    assert.equal(await app.page.locator('img[src="x"]').count(), 0);
    // Four nearest blocks by centroid distance: the rule and its number travel to the legend.
    await layer.getByLabel('Neighbours').selectOption('knn');
    await layer.getByLabel('Number of nearest areas').fill('4');
    await legend.locator('p.params', { hasText: 'knn:4' }).waitFor({ timeout: 60_000 });
    assert.match(await legend.locator('table.ranked tbody tr').first().innerText(), /Hot spot/);
    assert.equal(dialog, false);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
});

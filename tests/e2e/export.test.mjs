// The Export menu end to end: the one control named "Export", a PNG of the map with its
// texts, CSV/GeoJSON/Parquet of the active layer that equal the CLI's table of the same
// file (the same engine on Node), and a dashboard config that loads back to the same view.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { DIST, openApp, startBrowser } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const SHARED = process.env.CITYLENS_SHARED_DATA ?? path.resolve(ROOT, '../shared/data');
const LONG = { timeout: 180_000 };
const ANIMALS = 'nyc_311_animal_complaints_2025';
const HEX = `${ANIMALS}: rows per 500 m hexagon`;
const DATE = /-\d{4}-\d{2}-\d{2}\./;

async function exportItem(page, name) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const item = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

const csvRows = (text) => text.trimEnd().split('\n').map((l) => l.split(','));

describe('export', () => {
  let env;
  let app;
  let tmp;
  before(async () => {
    env = await startBrowser();
    tmp = mkdtempSync(path.join(tmpdir(), 'citylens-export-'));
    app = await openApp(env.browser, `${env.server.url}?data=data/sample/${ANIMALS}.csv#map=11/40.7/-73.9`);
    await app.page.getByRole('status').filter({ hasText: `Loaded ${ANIMALS}: 4,969 rows` }).waitFor(LONG);
    await app.page.locator(`[data-legend="hexagon-${ANIMALS}"]`).waitFor(LONG);
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('is one menu button named Export', async () => {
    const buttons = app.page.getByRole('button', { name: 'Export', exact: true });
    assert.equal(await buttons.count(), 1);
    assert.equal(await buttons.getAttribute('aria-haspopup'), 'menu');
    await buttons.click();
    const items = app.page.getByRole('menu', { name: 'Export' }).getByRole('menuitem');
    assert.deepEqual(await items.allInnerTexts(), [
      'Map image (PNG)', 'Layer table (CSV)', 'Layer table with areas (GeoJSON)', 'Layer table (Parquet)', 'Dashboard config of this view (JSON)',
    ]);
    await app.page.keyboard.press('Escape');
    assert.equal(await buttons.getAttribute('aria-expanded'), 'false');
  });

  it('exports the map as a PNG larger than the map, texts drawn in', async () => {
    const { name, bytes } = await exportItem(app.page, 'Map image (PNG)');
    assert.match(name, new RegExp(`^new-york-bikes-and-complaints-nyc-311-animal-complaints-2025-rows-per-500-m-hexagon${DATE.source}png$`));
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const canvas = await app.page.evaluate(() => {
      const c = document.querySelector('.maplibregl-canvas');
      return { w: c.width, h: c.height };
    });
    assert.equal(width, canvas.w);
    assert.ok(height > canvas.h + 40, `image ${width}×${height}, map ${canvas.w}×${canvas.h}: a title band and a footer`);
    await app.page.getByRole('status').filter({ hasText: `Saved ${name}` }).waitFor();
  });

  it('exports the active layer as CSV equal to the CLI\'s table of the same file, and GeoJSON and Parquet of the same rows', async () => {
    const csv = await exportItem(app.page, 'Layer table (CSV)');
    assert.match(csv.name, new RegExp(`^new-york-bikes-and-complaints-nyc-311-animal-complaints-2025-rows-per-500-m-hexagon${DATE.source}csv$`));
    const cliOut = path.join(tmp, 'cli.csv');
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'aggregate', path.join(SHARED, `${ANIMALS}.csv`), '--by', 'hex:500', '--min-count', '5', '--out', cliOut], { cwd: ROOT, stdio: 'pipe' });
    const rows = csvRows(csv.bytes.toString('utf8'));
    assert.deepEqual(rows, csvRows(readFileSync(cliOut, 'utf8')));
    const header = rows[0];
    assert.equal(header[0], 'id');
    const count = header.indexOf('count');
    const suppressed = header.indexOf('suppressed');
    const shown = rows.slice(1).filter((r) => r[suppressed] === 'false');
    assert.ok(shown.length > 10 && shown.every((r) => Number(r[count]) >= 5));
    assert.ok(rows.slice(1).filter((r) => r[suppressed] === 'true').every((r) => r[count] === ''), 'suppressed cells stay empty');

    const gj = await exportItem(app.page, 'Layer table with areas (GeoJSON)');
    const fc = JSON.parse(gj.bytes.toString('utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    assert.deepEqual(fc.features.map((f) => f.properties.id), rows.slice(1).map((r) => r[0]));
    for (const f of fc.features) {
      assert.equal(f.type, 'Feature');
      assert.equal(f.geometry.type, 'Polygon');
      const ring = f.geometry.coordinates[0];
      assert.equal(ring.length, 7, 'a hexagon, closed');
      assert.deepEqual(ring[0], ring[6]);
    }

    const pq = await exportItem(app.page, 'Layer table (Parquet)');
    assert.equal(pq.bytes.subarray(0, 4).toString(), 'PAR1');
    const table = tableFromIPC(readParquet(new Uint8Array(pq.bytes)).intoIPCStream());
    assert.deepEqual(table.schema.fields.map((f) => f.name), header);
    assert.equal(table.numRows, rows.length - 1);
    const ids = table.getChild('id');
    assert.deepEqual(Array.from({ length: ids.length }, (_, i) => ids.get(i)), rows.slice(1).map((r) => r[0]));
    const counts = table.getChild('count');
    assert.deepEqual(Array.from({ length: counts.length }, (_, i) => (counts.get(i) === null ? '' : String(counts.get(i)))), rows.slice(1).map((r) => r[count]));
  });

  it('exports a dashboard config that loads back to the same view and layers', async () => {
    await app.page.locator('[data-layer]', { hasText: `${ANIMALS}: points` }).getByRole('checkbox').uncheck();
    await app.page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has('s'));
    const view = await app.page.evaluate(() => document.querySelector('.map').dataset.view);
    const { name, bytes } = await exportItem(app.page, 'Dashboard config of this view (JSON)');
    assert.match(name, new RegExp(`^new-york-bikes-and-complaints${DATE.source}citylens\\.config\\.json$`));
    const config = JSON.parse(bytes.toString('utf8'));
    assert.equal(config.version, 2);
    assert.deepEqual(config.load, [ANIMALS]);
    assert.deepEqual(config.layers.map((l) => [l.id, l.visible]), [[`points-${ANIMALS}`, false], [`hexagon-${ANIMALS}`, true]]);
    const file = 'e2e-exported.citylens.config.json';
    writeFileSync(path.join(DIST, file), bytes);
    try {
      const back = await openApp(env.browser, `${env.server.url}?config=${file}`);
      // The config names the dataset in its own words (its datasets entry), so the status says that name.
      await back.page.getByRole('status').filter({ hasText: /^Loaded .+: 4,969 rows$/ }).waitFor(LONG);
      await back.page.locator(`[data-layer="hexagon-${ANIMALS}"]`).waitFor(LONG);
      assert.equal(await back.page.evaluate(() => document.querySelector('.map').dataset.view), view);
      const items = back.page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
      assert.deepEqual(await items.locator('.layer-title').allInnerTexts(), [`${ANIMALS}: points`, HEX]);
      assert.equal(await items.first().getByRole('checkbox').isChecked(), false);
      // The config is the state: the link adds nothing to it.
      assert.equal(new URL(back.page.url()).hash, '');
      assert.deepEqual(back.errors, []);
      await back.context.close();
    } finally {
      rmSync(path.join(DIST, file), { force: true });
    }
  });

  it('adds this view as a story step, which the exported config carries', async () => {
    // The map's settled view as the link writes it: zoom/lat/lon, rounded as the config keeps it.
    const [zoom, lat, lon] = (await app.page.evaluate(() => document.querySelector('.map').dataset.view)).split('/').map(Number);
    await app.page.getByRole('button', { name: 'Add this view as a story step' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Add this view as a story step' });
    await dialog.getByLabel('Title').fill('Complaints <b>by hexagon</b>');
    await dialog.getByLabel('Text').fill('Each hexagon counts the *complaints* in it.');
    await dialog.getByRole('button', { name: 'Add step' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Step “Complaints <b>by hexagon</b>” added to the story' }).waitFor(LONG);
    const { bytes } = await exportItem(app.page, 'Dashboard config of this view (JSON)');
    const config = JSON.parse(bytes.toString('utf8'));
    const steps = config.stories[0].steps;
    const step = steps.at(-1);
    assert.equal(step.title, 'Complaints <b>by hexagon</b>');
    assert.equal(step.text, 'Each hexagon counts the *complaints* in it.');
    assert.deepEqual(step.map.layers, [`hexagon-${ANIMALS}`]);
    assert.deepEqual(step.map.view, { center: [lon, lat], zoom });
    assert.equal(new Set(steps.map((s) => s.id)).size, steps.length, 'step ids repeat');
  });
});

// The SQL console end to end, over two small datasets (2,520 bike racks, 37 San Francisco
// neighbourhoods): results and downloads checked against figures computed here from the
// files, completion, error positions, refusals, HTML as text, a 100,000-row result, cancel
// of a runaway cross join, "Add to map", "Show method" rerun in the console, the keyboard
// and an axe scan. The tests run in order on one page, as a session would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, startBrowser, waitLoaded } from './harness.mjs';
import { parseCsv } from './csv.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.CITYLENS_SHARED_DATA ?? path.resolve(here, '../../../shared/data');
const RACKS = 'sf_bike_parking_racks';
const HOODS = 'sf_planning_neighborhoods';

/** The racks file as objects, every value text as written. */
function racks() {
  const [header, ...rows] = parseCsv(readFileSync(path.join(SHARED, `${RACKS}.csv`), 'utf8'));
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

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

const fmt = new Intl.NumberFormat('en-US');

describe('SQL console', () => {
  let env;
  let app;
  let page;
  let panel;
  let dialogs = 0;

  const editor = () => page.getByRole('textbox', { name: 'SQL', exact: true });
  const runs = async () => Number(await panel.getAttribute('data-runs'));

  /** Replace the editor's text with `sql`, typed as text. */
  async function setSql(sql) {
    // Each test can run alone (--test-name-pattern): open the console when it is not open.
    if (await panel.isHidden()) await page.getByRole('button', { name: 'SQL', exact: true }).click();
    await editor().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(sql);
  }

  /** Run `sql` with Ctrl+Enter and wait until the console has answered. */
  async function runSql(sql) {
    await setSql(sql);
    const before = await runs();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((n) => Number(document.querySelector('#sql-console').dataset.runs) > n, before, { timeout: 120_000 });
  }

  const status = () => panel.getByRole('status').innerText();
  const alertText = () => panel.getByRole('alert').innerText();

  /** The rendered rows of the result table, as arrays of cell text (header row first). */
  async function tableRows() {
    return panel.getByRole('table').getByRole('row').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('[role=cell],[role=columnheader]')].map((c) => c.textContent)));
  }

  /** Click a download button and read the file it saves. */
  async function download(name) {
    const [d] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name }).click()]);
    return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
  }

  before(async () => {
    env = await startBrowser();
    // Small datasets in the URL instead of the default 1.8M-row sample keep the engine free.
    app = await openApp(env.browser, `${env.server.url}?data=data/sample/${RACKS}.csv&data=data/sample/${HOODS}.geojson#12/37.76/-122.44`);
    page = app.page;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await waitLoaded(page, HOODS, '37');
    await page.locator('[data-legend]').first().waitFor({ timeout: 120_000 });
    panel = page.locator('#sql-console');
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  it('runs a query: its rows, the row count and time, and a CSV download of them', async () => {
    await page.getByRole('button', { name: 'SQL', exact: true }).click();
    await panel.waitFor();
    const by = new Map();
    for (const r of racks()) {
      const g = by.get(r.placement) ?? { n: 0, spaces: 0 };
      g.n++;
      g.spaces += Number(r.spaces);
      by.set(r.placement, g);
    }
    const expected = [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, g]) => [p, String(g.n), String(g.spaces)]);
    await runSql(`SELECT placement, count(*) AS n, sum(spaces) AS spaces FROM ${RACKS} GROUP BY placement ORDER BY placement`);
    assert.match(await status(), new RegExp(`^${expected.length} rows in \\d+\\.\\d\\d s$`));
    const rows = await tableRows();
    assert.deepEqual(rows[0].map((h) => h.split(' ')[0]), ['placement', 'n', 'spaces']);
    assert.deepEqual(rows.slice(1), expected);
    const csv = await download('Download CSV');
    assert.match(csv.name, /\.csv$/);
    assert.deepEqual(parseCsv(csv.bytes.toString('utf8')), [['placement', 'n', 'spaces'], ...expected]);
    // SQL shown elsewhere is text: the editor is the one textbox named SQL.
    assert.equal(await page.getByRole('textbox', { name: 'SQL', exact: true }).count(), 1);
  });

  it('completes table and column names from the loaded datasets', async () => {
    await setSql('SELECT * FROM sf_bike_pa');
    await page.keyboard.type('r');
    // The offered name is selected; Enter takes it once CodeMirror's interaction delay (75 ms) has passed.
    const accept = async (name) => {
      await page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]', { hasText: name }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
    };
    await accept(RACKS);
    await page.keyboard.type(` WHERE ${RACKS}.placem`);
    await accept('placement');
    assert.equal(await editor().innerText(), `SELECT * FROM ${RACKS} WHERE ${RACKS}.placement`);
  });

  it('marks the position of a mistake in the editor, and the data stays', async () => {
    await runSql(`SELECT placement, count(*) AS n\nFROM ${RACKS}\nGROUP BY placment`);
    const text = await alertText();
    assert.match(text, /^DuckDB: Binder Error: .*placment/);
    assert.match(text, /At line 3, column 10\./);
    assert.equal(await panel.locator('[data-sql-error]').innerText(), 'placment');
    await runSql(`SELECT count(*) AS n FROM ${RACKS}`);
    assert.deepEqual((await tableRows())[1], ['2520']);
  });

  it('refuses DROP TABLE on a dataset with its message, and the dataset still draws', async () => {
    const legends = await page.locator('[data-legend]').count();
    await runSql(`DROP TABLE ${RACKS}`);
    assert.match(await alertText(), /^The console refuses DROP: it would take tables away from the layers\./);
    assert.equal(await panel.locator('[data-sql-error]').innerText(), 'DROP');
    await runSql(`SELECT count(*) AS n FROM ${RACKS}`);
    assert.deepEqual((await tableRows())[1], ['2520']);
    // A new layer of the dataset reads its table and draws.
    const form = page.locator('form.add-layer');
    await form.getByLabel('Data').selectOption({ label: RACKS });
    await form.getByLabel('As').selectOption('grid');
    await form.getByRole('button', { name: 'Add layer' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-legend]').length > n, legends, { timeout: 120_000 });
    assert.equal(await page.locator('.layer-error').count(), 0);
  });

  it('shows HTML in results as text', async () => {
    const html = '<img src=x onerror=alert(1)>';
    await runSql(`SELECT '${html}' AS html, '<b>bold</b>' AS b`);
    assert.deepEqual((await tableRows())[1], [html, '<b>bold</b>']);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await panel.locator('b').count(), 0);
    assert.equal(dialogs, 0);
  });

  it('scrolls 100,000 rows with only the visible ones in the page, and says when rows are capped', async () => {
    await runSql('SELECT range AS i, range * 2 AS twice FROM range(100000)');
    assert.match(await status(), /^100,000 rows in /);
    const rendered = await panel.getByRole('row').count();
    assert.ok(rendered < 100, `${rendered} rows in the DOM`);
    await panel.locator('.results-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await panel.getByRole('row').filter({ hasText: '199998' }).waitFor({ timeout: 10_000 });
    assert.deepEqual((await tableRows()).at(-1), ['99999', '199998']);
    assert.equal(await panel.getByRole('table').getAttribute('aria-rowcount'), '100001');

    await runSql('SELECT range AS i FROM range(300000)');
    assert.match(await status(), /The table shows the first 250,000 of 300,000 rows; Download CSV and Download Parquet have every row\./);
    const csv = (await download('Download CSV')).bytes.toString('utf8').split('\r\n').filter(Boolean);
    assert.equal(csv.length, 300_001);
    assert.equal(csv.at(-1), '299999');
    const parquet = await download('Download Parquet');
    assert.equal(parquet.bytes.subarray(0, 4).toString('latin1'), 'PAR1');
  });

  it('cancels a runaway cross join; a follow-up query works and every layer survives', async () => {
    const layers = await page.locator('[data-layer]').count();
    // Two billion rows crossed with the racks: 5·10¹² pairs, in slices DuckDB can stop between.
    await setSql(`SELECT count(*) AS n, sum(a.range * b.spaces) AS s FROM range(2000000000) a CROSS JOIN ${RACKS} b`);
    const before = await runs();
    await page.keyboard.press('Control+Enter');
    await panel.getByText('Running…').waitFor();
    await page.waitForTimeout(1500);
    const t0 = Date.now();
    await panel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForFunction((n) => Number(document.querySelector('#sql-console').dataset.runs) > n, before, { timeout: 30_000 });
    assert.match(await status(), /Cancelled\. Every dataset and layer is as it was\./);
    await runSql(`SELECT count(*) AS n FROM ${RACKS}`);
    console.log(`cancel → follow-up answered: ${Date.now() - t0} ms`);
    assert.deepEqual((await tableRows())[1], ['2520']);
    assert.equal(await page.locator('[data-layer]').count(), layers);
    assert.equal(await page.locator('.datasets > li').count(), 2);
    assert.equal(await page.locator('.layer-error').count(), 0);
  });

  it('adds a result with coordinates to the map as a dataset from the SQL console', async () => {
    const expected = racks().filter((r) => Number(r.spaces) >= 20).length;
    await runSql(`SELECT lon, lat, spaces, location_name FROM ${RACKS} WHERE spaces >= 20`);
    assert.match(await status(), new RegExp(`^${fmt.format(expected)} rows? in `));
    assert.match(await panel.locator('.console-add').innerText(), /points at lon, lat/);
    await panel.getByRole('button', { name: 'Add to map' }).click();
    await panel.getByRole('status').filter({ hasText: 'Added SQL result 1 to the map' }).waitFor({ timeout: 60_000 });
    const item = page.locator('.datasets > li', { hasText: 'SQL result 1' });
    assert.match(await item.locator('.meta').innerText(), new RegExp(`^${fmt.format(expected)} rows · point`));
    await item.locator('summary', { hasText: 'Details' }).click();
    assert.match(await item.innerText(), /SQL console/);
    await page.locator('[data-layer]', { hasText: 'SQL result 1: points' }).waitFor({ timeout: 60_000 });
  });

  it('Show method → Open in console → Run gives the layer’s numbers', async () => {
    const hoods = JSON.parse(readFileSync(path.join(SHARED, `${HOODS}.geojson`), 'utf8'));
    const counts = new Map(hoods.features.map((f) => [f.properties.name, 0]));
    for (const r of racks()) {
      const f = hoods.features.find((x) => inside(Number(r.lon), Number(r.lat), x.geometry));
      if (f) counts.set(f.properties.name, counts.get(f.properties.name) + 1);
    }
    const form = page.locator('form.add-layer');
    await form.getByLabel('Data').selectOption({ label: RACKS });
    await form.getByLabel('As').selectOption('districts');
    await form.getByRole('button', { name: 'Add layer' }).click();
    const layer = page.locator('[data-layer]').filter({ has: page.locator('select[id$="-districts"]') }).first();
    await layer.locator('summary', { hasText: 'Show method' }).click();
    const sqlText = layer.locator('[data-method-sql]');
    await sqlText.waitFor({ timeout: 60_000 });
    const sql = await sqlText.innerText();
    assert.match(await layer.locator('.method-steps').innerText(), /point-in-polygon with a flatbush index/);
    assert.match(await layer.locator('.method-params').innerText(), new RegExp(`Districts\\s+${HOODS}`));
    // The method's SQL is read-only text, not a textbox.
    assert.equal(await layer.locator('.method').getByRole('textbox').count(), 0);

    await layer.getByRole('button', { name: 'Open in console' }).click();
    assert.equal(await editor().innerText(), sql);
    const before = await runs();
    await panel.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction((n) => Number(document.querySelector('#sql-console').dataset.runs) > n, before, { timeout: 120_000 });
    const [header, ...rows] = parseCsv((await download('Download CSV')).bytes.toString('utf8'));
    const col = (n) => header.indexOf(n);
    // One row per neighbourhood, then the points outside every one (none here). A district
    // with fewer than 5 racks is suppressed: count and value NULL (an empty CSV field).
    assert.equal(rows.length, hoods.features.length + 1);
    const shown = (n) => (n >= 5 ? String(n) : '');
    const expected = [...hoods.features.map((f) => [f.properties.name, shown(counts.get(f.properties.name))]), ['', shown(0)]];
    // Numbers as numbers (DuckDB writes a DOUBLE 38 as "38.0"); NULL stays empty.
    const number = (v) => (v === '' ? '' : String(Number(v)));
    assert.deepEqual(rows.map((r) => [r[col('name')], number(r[col('count')])]), expected);
    assert.deepEqual(rows.map((r) => number(r[col('value')])), expected.map(([, n]) => n));
    assert.ok(expected.filter(([, n]) => n !== '').length > 20);
  });

  it('is keyboard operable and passes an axe scan', async () => {
    await editor().click();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'SQL');
    await page.keyboard.press('Enter');
    await panel.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label')), 'SQL');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(`SELECT name FROM ${HOODS} ORDER BY name LIMIT 3`);
    let before = await runs();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((n) => Number(document.querySelector('#sql-console').dataset.runs) > n, before);
    assert.equal((await tableRows()).length, 4);
    // Tab leaves the editor for Run; Enter runs again.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Run');
    before = await runs();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => Number(document.querySelector('#sql-console').dataset.runs) > n, before);
    // On through the downloads to the result table, which scrolls from the keyboard.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('results-scroll'))) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('results-scroll')), true);

    await page.evaluate(readFileSync(path.resolve(here, '../../node_modules/axe-core/axe.min.js'), 'utf8'));
    const result = await page.evaluate(async () => {
      const r = await globalThis.axe.run({ include: ['#sql-console', '.method'] }, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(result, []);
    assert.deepEqual(app.errors, []);
  });
});

// Time end to end (issue 12): the Citi Bike sample's timeline, its brush and rhythm filters
// driving the cell layers' requests and row counts, and playback. Expected figures are
// computed here from the Parquet file (ts_utc for instants, ts_local for New York wall time).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { openApp, startBrowser, waitLoaded } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.CITYLENS_SHARED_DATA ?? path.resolve(here, '../../../shared/data');
const DS = 'nyc_citibike_station_status_2024_03';
const H = 3_600_000;
const CELL_KINDS = ['grid', 'hexagon', 'h3', 'districts'];

/** The file's instants (ms) and New York wall times (ms read as UTC). */
function readTimes() {
  const bytes = readFileSync(path.join(SHARED, 'nyc_citibike_station_status_2024-03.parquet'));
  const table = tableFromIPC(readParquet(new Uint8Array(bytes), { columns: ['ts_utc', 'ts_local'] }).intoIPCStream());
  const us = (name) => table.getChild(name).toArray();
  const utc = us('ts_utc');
  const local = us('ts_local');
  const n = utc.length;
  const instants = new Float64Array(n);
  const walls = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    instants[i] = Number(utc[i] / 1000n);
    walls[i] = Number(local[i] / 1000n);
  }
  return { instants, walls };
}

const norm = (s) => s.replace(/[\s\u202f]+/g, ' ').trim();
const nyDateTime = (ms) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' }).format(ms);

/** The marks the app leaves per layer: requests sent (with their query) and data drawn (with rows). */
async function marks(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.detail), name);
}

describe('time: timeline, brush, rhythm filters, playback', () => {
  let env;
  let app;
  let times;
  let layer;
  before(async () => {
    times = readTimes();
    env = await startBrowser();
    app = await openApp(env.browser, env.server.url);
    await waitLoaded(app.page, 'Citi Bike station status, March 2024', '1,798,339');
    await app.page.locator(`[data-timeline="${DS}"] svg[data-bins]:not([data-bins="0"])`).waitFor({ timeout: 180_000 });
    // A visible cell layer on the dataset, with its data in.
    await app.page.waitForFunction(
      ({ ds, kinds }) => performance.getEntriesByName('citylens:layer-request').some((e) => e.detail.query.dataset === ds && kinds.includes(e.detail.query.kind)
        && document.querySelector(`[data-legend="${e.detail.layer}"]`)),
      { ds: DS, kinds: CELL_KINDS }, { timeout: 180_000 },
    );
    const requests = await marks(app.page, 'citylens:layer-request');
    const ids = [];
    for (const r of requests) if (r.query.dataset === DS && CELL_KINDS.includes(r.query.kind)) ids.push(r.layer);
    for (const id of ids) if (!layer && (await app.page.locator(`[data-legend="${id}"]`).count())) layer = id;
    await app.page.waitForFunction((id) => performance.getEntriesByName('citylens:layer-data').some((e) => e.detail.layer === id), layer, { timeout: 180_000 });
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  /** Do `action`, then wait for the layer's next data; its row count and the query it was asked with. */
  async function nextData(action) {
    const before = (await marks(app.page, 'citylens:layer-data')).filter((d) => d.layer === layer).length;
    await action();
    await app.page.waitForFunction(({ id, n }) => performance.getEntriesByName('citylens:layer-data').filter((e) => e.detail.layer === id).length > n,
      { id: layer, n: before }, { timeout: 180_000 });
    const data = (await marks(app.page, 'citylens:layer-data')).filter((d) => d.layer === layer).at(-1);
    const query = (await marks(app.page, 'citylens:layer-request')).filter((d) => d.layer === layer).at(-1).query;
    return { rows: data.rows, query };
  }

  it('draws the timeline: one bar per hour with rows, every row counted, in the dataset\'s zone', async () => {
    const hours = new Set();
    for (const ms of times.instants) hours.add(Math.floor(ms / H));
    const panel = app.page.locator(`[data-time="${DS}"]`);
    assert.equal(Number(await panel.locator('svg').getAttribute('data-bins')), hours.size);
    assert.equal(await panel.locator('rect.timeline-bar').count(), hours.size);
    assert.equal(norm(await panel.locator('.timeline-rows').innerText()), `${times.instants.length.toLocaleString('en-US')} rows`);
    assert.equal(await panel.getByLabel('Time zone').inputValue(), 'America/New_York');
    assert.equal(norm(await panel.locator('.time-label').innerText()), 'All times');
  });

  it('the sample layer counts weekday mornings on its own: its query, rows and legend say so, and its settings clear it', async () => {
    const config = JSON.parse(readFileSync(path.join(here, '../../public/citylens.config.json'), 'utf8'));
    assert.deepEqual(config.layers.find((l) => l.id === layer).rhythm, { hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] });
    const data = (await marks(app.page, 'citylens:layer-data')).filter((d) => d.layer === layer).at(-1);
    const query = (await marks(app.page, 'citylens:layer-request')).filter((d) => d.layer === layer).at(-1).query;
    assert.deepEqual(query.time, { column: 'ts_utc', zone: 'America/New_York', hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] });
    let mornings = 0;
    for (const w of times.walls) {
      const d = new Date(w);
      if (d.getUTCHours() >= 7 && d.getUTCHours() < 10 && d.getUTCDay() >= 1 && d.getUTCDay() <= 5) mornings++;
    }
    assert.equal(data.rows, mornings);
    assert.match(norm(await app.page.locator(`[data-legend="${layer}"] figcaption`).first().innerText()), /, weekdays 07:00–10:00$/);
    // The layer's own filters are in its settings; clearing them counts every row again.
    const own = app.page.locator(`fieldset[data-rhythm="${layer}-rhythm"]`);
    await app.page.locator('details', { has: own }).locator('summary').click();
    assert.equal(await own.getByLabel('From hour').inputValue(), '7');
    const all = await nextData(() => own.getByRole('button', { name: 'All hours and days' }).click());
    assert.equal(all.query.time, undefined);
    assert.equal(all.rows, times.instants.length);
    await app.page.locator('details', { has: own }).locator('summary').click();
  });

  it('brushing by keyboard snaps to hours, sets the window, and the layer counts only rows inside it', async () => {
    let min = Infinity;
    for (const ms of times.instants) min = Math.min(min, ms);
    // PageUp moves the start ten bins on from the range start snapped to the nearest hour.
    const from = Math.round(min / H) * H + 10 * H;
    const expected = times.instants.reduce((n, ms) => n + (ms >= from ? 1 : 0), 0);
    const start = app.page.getByRole('slider', { name: 'Window start' });
    const { rows, query } = await nextData(async () => {
      await start.focus();
      await app.page.keyboard.press('PageUp');
    });
    assert.equal(Number(await start.getAttribute('aria-valuenow')), from);
    assert.equal(query.time.column, 'ts_utc');
    assert.equal(query.time.zone, 'America/New_York');
    assert.equal(query.time.from, from);
    assert.equal(rows, expected);
    assert.match(norm(await app.page.locator(`[data-time-label="${DS}"]`).innerText()), new RegExp(`^${norm(nyDateTime(from)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – `));
  });

  it('dragging across the histogram sets a window that the layer follows', async () => {
    const svg = app.page.locator(`[data-timeline="${DS}"] svg`);
    const box = await svg.boundingBox();
    const { rows, query } = await nextData(async () => {
      await app.page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await app.page.mouse.down();
      await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
      await app.page.mouse.up();
    });
    assert.equal(query.time.from % H, 0, 'the window starts on an hour');
    assert.equal(query.time.to % H, 0, 'the window ends on an hour');
    const expected = times.instants.reduce((n, ms) => n + (ms >= query.time.from && ms < query.time.to ? 1 : 0), 0);
    assert.equal(rows, expected);
  });

  it('rhythm filters combine with the window: weekday mornings 07–10 Mon–Fri, New York time', async () => {
    const panel = app.page.locator(`[data-time="${DS}"]`);
    const { rows, query } = await nextData(() => panel.getByRole('button', { name: 'Weekday mornings' }).click());
    assert.deepEqual(query.time.hours, { from: 7, to: 10 });
    assert.deepEqual(query.time.days, [1, 2, 3, 4, 5]);
    let expected = 0;
    let kept = 0;
    for (let i = 0; i < times.walls.length; i++) {
      const d = new Date(times.walls[i]);
      const h = d.getUTCHours();
      const wd = d.getUTCDay();
      if (h >= 7 && h < 10 && wd >= 1 && wd <= 5) {
        kept++;
        if (times.instants[i] >= query.time.from && times.instants[i] < query.time.to) expected++;
      }
    }
    assert.equal(rows, expected);
    // The timeline follows the filters: one bar per weekday-morning New York hour with rows.
    const mornings = new Set();
    for (const w of times.walls) {
      const d = new Date(w);
      if (d.getUTCHours() >= 7 && d.getUTCHours() < 10 && d.getUTCDay() >= 1 && d.getUTCDay() <= 5) mornings.add(Math.floor(w / H));
    }
    await panel.locator(`svg[data-bins="${mornings.size}"]`).waitFor();
    // Clearing the window keeps the filters; "All hours and days" drops them.
    const cleared = await nextData(() => panel.getByRole('button', { name: 'Clear time window' }).click());
    assert.equal(cleared.rows, kept);
    assert.equal(cleared.query.time.from, undefined);
    const all = await nextData(() => panel.getByRole('button', { name: 'All hours and days' }).click());
    assert.equal(all.query.time, undefined);
    assert.equal(all.rows, times.instants.length);
  });

  it('has one Play button, the only control whose name begins with "Play"', async () => {
    const roles = ['button', 'link', 'checkbox', 'radio', 'combobox', 'listbox', 'slider', 'spinbutton', 'textbox', 'switch', 'tab', 'menuitem', 'searchbox'];
    let n = 0;
    for (const role of roles) n += await app.page.getByRole(role, { name: /^play/i }).count();
    assert.equal(n, 1);
    assert.equal(await app.page.getByRole('button', { name: /^Play/ }).count(), 1);
    for (const name of ['Speed', 'Step', 'Window length']) assert.equal(await app.page.locator(`[data-time="${DS}"]`).getByLabel(name, { exact: true }).count(), 1);
  });

  it('plays on the first press: a 24 h window stepping 1 h, each frame\'s data in before the next', async () => {
    let min = Infinity;
    let max = -Infinity;
    for (const ms of times.instants) {
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    const from = Math.floor(min / H) * H;
    const frames = Math.ceil((max + 1 - from - 24 * H) / H) + 1;
    const panel = app.page.locator(`[data-time="${DS}"]`);
    assert.equal(await panel.getByLabel('Window length').inputValue(), String(24 * H));
    assert.equal(await panel.getByLabel('Step', { exact: true }).inputValue(), String(H));
    assert.ok(Number(await panel.getByLabel('Speed').inputValue()) >= 2);
    const sentBefore = (await marks(app.page, 'citylens:layer-request')).filter((d) => d.layer === layer).length;
    await panel.getByRole('button', { name: 'Play' }).click();
    await panel.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 120_000 });
    const frame = panel.locator('.playback-frame');
    await app.page.waitForFunction((ds) => Number(document.querySelector(`[data-time="${ds}"] .playback-frame`)?.dataset.frame) >= 1, DS, { timeout: 120_000 });
    assert.match(norm(await frame.innerText()), new RegExp(`^Frame \\d+ of ${frames.toLocaleString('en-US')}$`));
    await app.page.waitForFunction((ds) => Number(document.querySelector(`[data-time="${ds}"] .playback-frame`)?.dataset.frame) >= 3, DS, { timeout: 180_000 });
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('button', { name: 'Play' }).waitFor();
    const shown = Number(await frame.getAttribute('data-frame'));
    const label = norm(await app.page.locator(`[data-time-label="${DS}"]`).innerText());
    const f = from + (shown - 1) * H;
    assert.equal(label, norm(`${nyDateTime(f)} – ${nyDateTime(f + 24 * H)}`));
    // One request per frame shown: none queued ahead (the last may still be on its way).
    const sent = (await marks(app.page, 'citylens:layer-request')).filter((d) => d.layer === layer).slice(sentBefore);
    assert.equal(sent.length, shown);
    assert.deepEqual(sent.map((s) => s.query.time.from), Array.from({ length: shown }, (_, i) => from + i * H));
    await panel.getByRole('button', { name: 'Stop' }).click();
  });

  it('plays at most one step a second when motion is reduced', async () => {
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
    const panel = app.page.locator(`[data-time="${DS}"]`);
    await panel.getByText('Reduced motion is on').waitFor({ timeout: 10_000 });
    await panel.getByRole('button', { name: 'Play' }).click();
    const at = (n) => app.page.waitForFunction((x) => Number(document.querySelector(`[data-time="${x.ds}"] .playback-frame`)?.dataset.frame) >= x.n, { ds: DS, n }, { timeout: 180_000 });
    await at(2);
    const t0 = Date.now();
    await at(4);
    assert.ok(Date.now() - t0 >= 1900, `two steps took ${Date.now() - t0} ms`);
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('button', { name: 'Stop' }).click();
    await app.page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  // Needs the engine's 'playback-domain' handler (issue 12, engine side).
  it('keeps the legend\'s classes and labels the same on every frame (fixed colour scale)', async () => {
    const panel = app.page.locator(`[data-time="${DS}"]`);
    assert.equal(await panel.getByLabel('Colour scale').inputValue(), 'fixed');
    const classes = () => app.page.locator(`[data-legend="${layer}"] li`).evaluateAll((lis) =>
      lis.filter((li) => /^\d+$/.test(li.dataset.break ?? '')).map((li) => li.textContent));
    await panel.getByRole('button', { name: 'Play' }).click();
    const at = (n) => app.page.waitForFunction((x) => Number(document.querySelector(`[data-time="${x.ds}"] .playback-frame`)?.dataset.frame) >= x.n, { ds: DS, n }, { timeout: 180_000 });
    await at(2);
    const first = await classes();
    await at(5);
    const later = await classes();
    await panel.getByRole('button', { name: 'Pause' }).click();
    assert.equal(await panel.getByText('could not be made').count(), 0, 'the fixed scale was made');
    assert.ok(first.length >= 2);
    assert.deepEqual(later, first);
    await panel.getByRole('button', { name: 'Stop' }).click();
  });

  it('logs no console errors', () => {
    assert.deepEqual(app.errors, []);
  });
});

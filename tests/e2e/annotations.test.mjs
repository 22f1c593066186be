// Annotations end to end against dist/: draw a point and an area with the mouse and a line
// with the keyboard, write notes (one of them markup, shown as text), find them again in a
// fresh page opened from the link, download the annotations file and drop it on a fresh
// page, and a bad annotations file names itself and its problem.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, startBrowser } from './harness.mjs';

const LONG = { timeout: 180_000 };
const ANIMALS = 'nyc_311_animal_complaints_2025';
const START = `?data=data/sample/${ANIMALS}.csv#map=12/40.7/-73.9`;
const XSS = '<img src=x onerror=alert(1)>';
const ZONE = `proposed 20 mph zone ${XSS}`;

const list = (page) => page.getByRole('list', { name: 'Annotations' });
const toolbar = (page) => page.getByRole('toolbar', { name: 'Annotate' });

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: `Loaded ${ANIMALS}: 4,969 rows` }).waitFor(LONG);
}

/** What the list shows: each item's name and its note field's text. */
async function listed(page) {
  const items = list(page).getByRole('listitem');
  const out = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    out.push([await item.locator('.annotation-kind').innerText(), await item.getByRole('textbox').inputValue()]);
  }
  return out;
}

/** A point of the map canvas, as a fraction of its size, in page pixels. */
async function mapPoint(page, fx, fy) {
  const box = await page.locator('.map canvas').first().boundingBox();
  return [box.x + box.width * fx, box.y + box.height * fy];
}

const mapCount = (page) => page.locator('.map').getAttribute('data-annotations');

describe('annotations', () => {
  let env;
  let app;
  const dialogs = [];
  before(async () => {
    env = await startBrowser();
    app = await openApp(env.browser, `${env.server.url}${START}`);
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitLoaded(app.page);
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  it('draws a point and an area with the mouse, and notes them', async () => {
    const page = app.page;
    assert.deepEqual(await listed(page), []);
    await toolbar(page).getByRole('button', { name: 'Point' }).click();
    assert.equal(await toolbar(page).getByRole('button', { name: 'Point' }).getAttribute('aria-pressed'), 'true');
    await page.mouse.click(...(await mapPoint(page, 0.7, 0.3)));
    // The new annotation's note field takes the focus: type the note straight away.
    const first = list(page).getByRole('textbox', { name: 'Note for Point 1' });
    await first.waitFor();
    assert.equal(await first.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('Bike rack wanted');

    await toolbar(page).getByRole('button', { name: 'Area' }).click();
    for (const [fx, fy] of [[0.6, 0.5], [0.8, 0.5], [0.8, 0.7]]) await page.mouse.click(...(await mapPoint(page, fx, fy)));
    await page.locator('.annotate-hint').filter({ hasText: '3 vertices so far' }).waitFor();
    // The double click's two clicks add one more vertex, and it finishes the area.
    await page.mouse.dblclick(...(await mapPoint(page, 0.6, 0.7)));
    const area = list(page).getByRole('textbox', { name: 'Note for Area 2' });
    await area.waitFor();
    await area.fill(ZONE);
    assert.deepEqual(await listed(page), [['Point 1', 'Bike rack wanted'], ['Area 2', ZONE]]);
    assert.equal(await mapCount(page), '2');
    assert.match(await page.getByRole('status').innerText(), /Area 2 added/);
  });

  it('draws by keyboard: vertices at the map centre, Backspace, Enter, Escape', async () => {
    const page = app.page;
    await toolbar(page).getByRole('button', { name: 'Line' }).click();
    const add = toolbar(page).getByRole('button', { name: 'Add vertex at map centre' });
    await add.click();
    await add.click();
    await page.locator('.annotate-hint').filter({ hasText: '1 vertex so far' }).waitFor();
    // The second vertex at the same place is no vertex: pan the map by keyboard first.
    const canvas = page.locator('.map canvas').first();
    await canvas.focus();
    const before = await page.locator('.map').getAttribute('data-view');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((v) => document.querySelector('.map').dataset.view !== v, before);
    await add.click();
    await add.press('Backspace');
    await page.locator('.annotate-hint').filter({ hasText: '1 vertex so far' }).waitFor();
    await add.click();
    await canvas.focus();
    await page.keyboard.press('Enter');
    await list(page).getByRole('textbox', { name: 'Note for Line 3' }).waitFor();
    // Escape leaves a started shape undrawn.
    await toolbar(page).getByRole('button', { name: 'Area' }).click();
    await page.mouse.click(...(await mapPoint(page, 0.5, 0.5)));
    await page.keyboard.press('Escape');
    await page.locator('.annotate-hint').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.map').getAttribute('data-draft-vertices'), '0');
    await list(page).getByRole('button', { name: 'Delete Line 3' }).click();
    assert.deepEqual(await listed(page), [['Point 1', 'Bike rack wanted'], ['Area 2', ZONE]]);
    assert.equal(await mapCount(page), '2');
  });

  it('shows markup in a note as text, in the panel and in the printed brief', async () => {
    assert.equal(await app.page.locator('img[src="x"]').count(), 0);
    await app.page.emulateMedia({ media: 'print' });
    try {
      const notes = await app.page.locator('.print-brief .brief-notes li').allInnerTexts();
      assert.deepEqual(notes, ['Point 1: “Bike rack wanted”', `Area 2: “${ZONE}”`]);
    } finally {
      await app.page.emulateMedia({ media: 'screen' });
    }
    assert.equal(await app.page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  it('reopens the notes from the link in a fresh page', async () => {
    await app.page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has('s'), null, { timeout: 60_000 });
    // The note typed last is in the link too (writes follow the state).
    await app.page.waitForTimeout(500);
    const url = app.page.url();
    const fresh = await openApp(env.browser, url);
    try {
      fresh.page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await list(fresh.page).getByRole('listitem').nth(1).waitFor(LONG);
      assert.deepEqual(await listed(fresh.page), [['Point 1', 'Bike rack wanted'], ['Area 2', ZONE]]);
      await waitLoaded(fresh.page);
      assert.equal(await mapCount(fresh.page), '2');
      assert.equal(await fresh.page.locator('img[src="x"]').count(), 0);
      assert.equal(await fresh.page.locator('[role=alert]').textContent(), '');
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.context.close();
    }
  });

  let file;
  it('downloads the annotations as a GeoJSON FeatureCollection', async () => {
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Download annotations (GeoJSON)' }).click(),
    ]);
    file = { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    assert.equal(file.name, 'annotations.geojson');
    const fc = JSON.parse(file.text);
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.citylens, 'annotations');
    assert.deepEqual(fc.features.map((f) => [f.geometry.type, f.properties.kind, f.properties.note, f.properties.citylensAnnotation]), [
      ['Point', 'point', 'Bike rack wanted', true],
      ['Polygon', 'area', ZONE, true],
    ]);
    // The area's ring is closed, four corners and the first again; positions at 1e-5°.
    const ring = fc.features[1].geometry.coordinates[0];
    assert.equal(ring.length, 5);
    assert.deepEqual(ring[0], ring[4]);
    for (const [x, y] of ring) {
      assert.equal(x, Number(x.toFixed(5)));
      assert.equal(y, Number(y.toFixed(5)));
    }
    // The map drew the point where it was clicked: in the view's right half, upper part.
    const [lon, lat] = fc.features[0].geometry.coordinates;
    assert.ok(lon > -73.9 && lat > 40.7, `point at ${lon}, ${lat}`);
  });

  it('drops the file back on a fresh page as annotations, not as a dataset; a bad file says why', async () => {
    const fresh = await openApp(env.browser, `${env.server.url}${START}`);
    try {
      await waitLoaded(fresh.page);
      const drop = async (name, text) => {
        const dt = await fresh.page.evaluateHandle(({ name, text }) => {
          const t = new DataTransfer();
          t.items.add(new File([text], name, { type: 'application/geo+json' }));
          return t;
        }, { name, text });
        await fresh.page.dispatchEvent('.app', 'drop', { dataTransfer: dt });
      };
      await drop(file.name, file.text);
      await fresh.page.getByRole('status').filter({ hasText: 'Loaded 2 annotations from annotations.geojson' }).waitFor(LONG);
      assert.deepEqual(await listed(fresh.page), [['Point 1', 'Bike rack wanted'], ['Area 2', ZONE]]);
      assert.equal(await fresh.page.locator('[data-dataset="annotations"]').count(), 0);
      assert.equal(await mapCount(fresh.page), '2');

      const bad = JSON.parse(file.text);
      bad.features[1].geometry = { type: 'Polygon', coordinates: [[[-73.9, 40.7], [-73.8, 40.7], [-73.9, 40.7]]] };
      await drop('broken-notes.geojson', JSON.stringify(bad));
      const alert = fresh.page.locator('[role=alert]');
      await alert.filter({ hasText: 'broken-notes.geojson' }).waitFor(LONG);
      assert.equal(await alert.innerText(), 'Could not read the annotations file broken-notes.geojson: feature 2: coordinates: needs at least 3 items');
      assert.equal((await listed(fresh.page)).length, 2);

      // Eighty notes of incompressible text would pass 8,000 characters: the link leaves them out and says so.
      let seed = 11;
      const noise = () => Array.from({ length: 120 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
      const many = JSON.parse(file.text);
      many.features = Array.from({ length: 80 }, (_, i) => ({
        type: 'Feature', id: `m${i}`, geometry: { type: 'Point', coordinates: [-73.95 + i / 1000, 40.72] },
        properties: { citylensAnnotation: true, kind: 'point', note: noise() },
      }));
      await drop('many.geojson', JSON.stringify(many));
      await fresh.page.getByRole('status').filter({ hasText: 'Loaded 80 annotations from many.geojson' }).waitFor(LONG);
      const note = fresh.page.locator('.annotations-left-out');
      await note.waitFor(LONG);
      assert.match(await note.innerText(), /longer than 8,000 characters, so the link leaves them out/);
      assert.equal(await mapCount(fresh.page), '82');
      const url = fresh.page.url();
      assert.ok(url.length <= 8000, `link of ${url.length} characters`);
      // The link still opens this page's view and data, without the notes.
      const reopened = await openApp(env.browser, url);
      try {
        await waitLoaded(reopened.page);
        assert.deepEqual(await listed(reopened.page), []);
      } finally {
        await reopened.context.close();
      }
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.context.close();
    }
  });

  it('logs no console errors', () => {
    assert.deepEqual(app.errors, []);
    assert.deepEqual(dialogs, []);
  });
});

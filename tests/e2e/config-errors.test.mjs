// Bad dashboard configs, end to end in Chromium against dist/: each opened with
// ?config=<file>, each problem said in the alert with the file, its JSON path and what is
// wrong, and the page still a dashboard (title, map, file input) that can load data. The
// configs are written into dist/ by this test and removed after it. A good config shows its
// datasets' Source · Licence line with links.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, openApp, startBrowser, waitLoaded } from './harness.mjs';

const LONG = { timeout: 180_000 };
const RACKS_URL = 'data/sample/sf_bike_parking_racks.csv';
const RACKS_ROWS = '2,520';
const written = [];

/** Writes a config beside index.html and returns its name for ?config=. */
function configFile(name, text) {
  const file = `e2e-${name}.citylens.config.json`;
  writeFileSync(path.join(DIST, file), text);
  written.push(file);
  return file;
}
const json = (name, config) => configFile(name, JSON.stringify(config, null, 2));

async function alertLines(page) {
  const alert = page.locator('[role=alert]').first();
  await alert.filter({ hasText: /\S/ }).waitFor(LONG);
  return (await alert.innerText()).split('\n').filter(Boolean);
}

/** Not blank: the panel with a heading, the map, and the file input are there. */
async function assertUsable(page) {
  assert.ok((await page.locator('.panel h1').innerText()).trim().length > 0, 'the page has a heading');
  assert.equal(await page.locator('.map').count(), 1, 'the map is there');
  assert.equal(await page.locator('.panel input[type=file]').count(), 1, 'a file can be opened');
}

describe('bad configs: messages in the alert, and a usable page', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => {
    for (const f of written) rmSync(path.join(DIST, f), { force: true });
    await env?.close();
  });

  async function open(query) {
    return openApp(env.browser, `${env.server.url}?${query}`);
  }

  it('unreadable JSON: the file, line and column; the app still loads data', async () => {
    // Line 3 is `  "layers": [}`: the `}` is its 14th character.
    const file = configFile('bad-json', '{\n  "version": 2,\n  "layers": [}\n');
    const app = await open(`config=${file}&data=${RACKS_URL}`);
    assert.deepEqual(await alertLines(app.page), [`${file}: not valid JSON (line 3, column 14); showing an empty dashboard`]);
    await assertUsable(app.page);
    await waitLoaded(app.page, 'sf_bike_parking_racks', RACKS_ROWS);
    await app.page.locator('[data-dataset="sf_bike_parking_racks"]').waitFor(LONG);
    await app.context.close();
  });

  it('a version this CityLens does not read', async () => {
    const file = json('version', { version: 3, title: 'Future' });
    const app = await open(`config=${file}`);
    assert.deepEqual(await alertLines(app.page), [`${file}: version: version 3 is not one this CityLens reads (1 or 2)`]);
    await assertUsable(app.page);
    await app.context.close();
  });

  it('a layer naming an unknown dataset is left out, the rest of the config opens', async () => {
    const file = json('unknown-dataset', {
      version: 2,
      title: 'Racks',
      datasets: [{ id: 'racks', url: RACKS_URL }],
      load: ['racks'],
      layers: [
        { kind: 'points', id: 'bikes-points', dataset: 'bikes', title: 'Bikes' },
        { kind: 'points', id: 'racks-points', dataset: 'racks', title: 'Racks' },
      ],
    });
    const app = await open(`config=${file}`);
    assert.deepEqual(await alertLines(app.page), [`${file}: layers[0].dataset: no dataset with id "bikes"`]);
    assert.equal(await app.page.locator('.panel h1').innerText(), 'Racks');
    // The config's id is the table's: its layer finds the data.
    await app.page.locator('[data-dataset="racks"]').waitFor(LONG);
    await app.page.locator('[data-layer="racks-points"]').waitFor(LONG);
    assert.equal(await app.page.locator('[data-layer="bikes-points"]').count(), 0);
    await app.context.close();
  });

  it('an unknown key is a warning naming it', async () => {
    const file = json('unknown-key', { version: 2, title: 'Keys', colour: 'red' });
    const app = await open(`config=${file}`);
    assert.deepEqual(await alertLines(app.page), [`${file}: colour: unknown key "colour", ignored`]);
    assert.equal(await app.page.locator('.panel h1').innerText(), 'Keys');
    await app.context.close();
  });

  it('a config on another site is refused unfetched', async () => {
    const evil = 'https://evil.example/x.json';
    const app = await open(`config=${encodeURIComponent(evil)}`);
    const lines = await alertLines(app.page);
    assert.equal(lines.length, 1);
    assert.ok(lines[0].startsWith(`“${evil}” was not opened: ?config= takes a path on this site`), lines[0]);
    assert.ok(!app.requests.some((u) => u.startsWith('https://evil.example')), 'nothing was asked of evil.example');
    await assertUsable(app.page);
    await app.context.close();
  });

  it('a dataset id that is not a table id', async () => {
    const file = json('bad-id', { version: 2, datasets: [{ id: 'sf-racks', url: RACKS_URL }, { id: 'racks', url: RACKS_URL }] });
    const app = await open(`config=${file}`);
    assert.deepEqual(await alertLines(app.page), [
      `${file}: datasets[0].id: a dataset id is lower-case letters, digits and _, not starting with a digit (it names the table in SQL)`,
    ]);
    await assertUsable(app.page);
    await app.context.close();
  });

  it('a role naming a column the data lacks, once the dataset is loaded; credits with links', async () => {
    const file = json('role-column', {
      version: 2,
      title: 'Racks',
      datasets: [{
        id: 'racks',
        url: RACKS_URL,
        name: 'Bike racks',
        roles: { name: 'no_such_column' },
        source: { name: 'SF <b>Open</b> Data', url: 'https://datasf.org/opendata/' },
        licence: 'PDDL',
        attribution: [{ text: 'SFMTA', url: 'https://www.sfmta.com/' }],
      }],
      load: ['racks'],
    });
    const app = await open(`config=${file}`);
    const item = app.page.locator('[data-dataset="racks"]');
    await item.waitFor(LONG);
    assert.match(await item.innerText(), /2,520 rows/);
    await app.page.locator('[role=alert]').filter({ hasText: 'no_such_column' }).waitFor(LONG);
    assert.deepEqual(await alertLines(app.page), [`${file}: datasets[0].roles.name: dataset "racks" has no column "no_such_column"`]);
    // The credit line: config text as text, links with rel=noopener, no raw notes.
    const credits = item.locator('.credits');
    assert.equal(await credits.innerText(), 'Source: SF <b>Open</b> Data · Licence: PDDL · SFMTA');
    assert.equal(await credits.locator('b').count(), 0);
    const links = await credits.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
    assert.deepEqual(links, [
      ['SF <b>Open</b> Data', 'https://datasf.org/opendata/', 'noopener'],
      ['SFMTA', 'https://www.sfmta.com/', 'noopener'],
    ]);
    await app.context.close();
  });
});

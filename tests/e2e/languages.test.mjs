// Each language end to end: `?lang=` renders the app in it, with `<html lang>` set, no raw
// message keys and no English labels in the panel; the picker switches language in place.
// A small dataset in the URL keeps the 1.8M-row sample out of the engine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

const DATA = 'data=data/sample/sf_bike_parking_racks.csv';

/** What each language shows: its panel headings and labels, and the load outcome's words. */
const EXPECTED = {
  es: {
    panel: 'Datos y capas',
    headings: ['Cargar desde una URL', 'Conjuntos de datos', 'Capas', 'Anotaciones'],
    labels: ['Abrir archivo de datos', 'Cargar desde una URL', 'Idioma'],
    loaded: 'sf_bike_parking_racks cargado: 2520 filas',
  },
  da: {
    panel: 'Data og lag',
    headings: ['Indlæs fra URL', 'Datasæt', 'Lag', 'Noter'],
    labels: ['Åbn datafil', 'Indlæs fra URL', 'Sprog'],
    loaded: 'sf_bike_parking_racks indlæst: 2.520 rækker',
  },
};

/** English UI words that must not show in another language's panel. */
const ENGLISH = ['Datasets', 'Layers', 'Open data file', 'Load from URL', 'Add layer', 'Language', 'Data and layers', 'Loaded', 'rows'];

/** A catalogue key, as it would show if a message were missing: `group.name`. */
const RAW_KEY = /\b(app|common|status|load|config|link|catalog|datasets|geometry|metadata|layers|settings|analysis|hotspots|compare|stats|measure|legend|pick|detail|map|basemap|console|method|scales|units|engine)\.[a-zA-Z][\w.-]*/;

describe('languages', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => {
    await env?.close();
  });

  for (const [lang, want] of Object.entries(EXPECTED)) {
    it(`?lang=${lang} renders the app in ${lang}`, async () => {
      const app = await openApp(env.browser, `${env.server.url}?lang=${lang}&${DATA}`);
      try {
        const { page } = app;
        await page.getByRole('status').filter({ hasText: want.loaded }).waitFor({ timeout: 180_000 });
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const panel = page.locator('aside.panel');
        assert.equal(await panel.getAttribute('aria-label'), want.panel);
        assert.deepEqual(await panel.locator('h2').allInnerTexts(), want.headings);
        const text = await panel.innerText();
        for (const label of want.labels) assert.ok(text.includes(label), `${lang}: "${label}" in the panel`);
        for (const word of ENGLISH) assert.ok(!new RegExp(`\\b${word}\\b`).test(text), `${lang}: English "${word}" in the panel:\n${text}`);
        const pageText = await page.locator('body').innerText();
        assert.doesNotMatch(pageText, RAW_KEY);
        assert.equal(await page.getByRole('combobox', { name: want.labels[2] }).inputValue(), lang);
        assert.deepEqual(app.errors, []);
      } finally {
        await app.context.close();
      }
    });
  }

  it('the picker switches language in place and keeps it in the URL', async () => {
    const app = await openApp(env.browser, `${env.server.url}?lang=es&${DATA}`);
    try {
      const { page } = app;
      await page.getByRole('status').filter({ hasText: EXPECTED.es.loaded }).waitFor({ timeout: 180_000 });
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption('da');
      await page.getByRole('heading', { name: 'Datasæt' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
      assert.deepEqual(await page.locator('aside.panel h2').allInnerTexts(), EXPECTED.da.headings);
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'da');
      // Each language is offered in its own name.
      assert.deepEqual(await page.locator('aside.panel select').first().locator('option').allInnerTexts(), ['English', 'Español', 'Dansk']);
      await page.getByRole('combobox', { name: 'Sprog' }).selectOption('en');
      await page.getByRole('heading', { name: 'Datasets' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    } finally {
      await app.context.close();
    }
  });
});

// The printed brief: page.pdf() of the print layout is A4 with at most 2 pages; under print
// media the brief shows the title, the map as an image (not the WebGL canvas), the top 10,
// the method in words and SQL, the source and licence, the date and the link, and no
// editing control is visible.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, startBrowser } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = process.env.CITYLENS_SHARED_DATA ?? path.resolve(ROOT, '../shared/data');

/** The ten highest hexagon counts (k = 5) by the CLI, the same engine on Node. */
function cliTopCounts() {
  const dir = mkdtempSync(path.join(tmpdir(), 'citylens-print-'));
  try {
    const out = path.join(dir, 'hex.csv');
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'aggregate', path.join(SHARED, 'nyc_311_animal_complaints_2025.csv'), '--by', 'hex:500', '--min-count', '5', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const [head, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const count = head.indexOf('count');
    const suppressed = head.indexOf('suppressed');
    return rows.filter((r) => r[suppressed] === 'false').map((r) => Number(r[count])).sort((a, b) => b - a).slice(0, 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LONG = { timeout: 180_000 };
const ANIMALS = 'nyc_311_animal_complaints_2025';
// The catalog's words for the file (public/data/sample/catalog.json, from ../shared/data/README.md).
// As the sample config's datasets entry credits it (over the catalog's notes).
const SOURCE = 'NYC Open Data 311 Service Requests, via plotly/datasets';
const LICENCE = 'MIT (repository); NYC Open Data terms of use';

/** Pages of a PDF: its page objects (/Type /Page, not /Pages). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

describe('print brief', () => {
  let env;
  let app;
  before(async () => {
    env = await startBrowser();
    const payload = Buffer.from(JSON.stringify({ d: [`e:${ANIMALS}`] })).toString('base64url');
    app = await openApp(env.browser, `${env.server.url}#map=11/40.7/-73.9&s=j${payload}`);
    await app.page.getByRole('status').filter({ hasText: `Loaded ${ANIMALS}: 4,969 rows` }).waitFor(LONG);
    await app.page.locator(`[data-legend="hexagon-${ANIMALS}"]`).waitFor(LONG);
    await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  });
  after(async () => {
    await app?.context.close();
    await env?.close();
  });

  it('prints one A4 brief of at most 2 pages with the map image, top 10, method, source and link', async () => {
    const { page } = app;
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = pageCount(pdf);
    assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);

    await page.emulateMedia({ media: 'print' });
    const brief = page.locator('.print-brief');
    assert.ok(await brief.isVisible());
    const text = await brief.innerText();
    assert.match(text, /^New York: bikes and complaints/, 'the config\'s title');
    assert.match(text, new RegExp(`Top 10: ${ANIMALS}: rows per 500 m hexagon`));
    assert.match(text, /Method\n/);
    assert.match(text, /pointy-top hexagons of 500 m radius/);
    assert.match(text, /SELECT/i);
    assert.ok(text.includes(`Source: ${SOURCE}. Licence: ${LICENCE}.`), text);
    assert.match(text, /Made with CityLens on .+\. This view: http:\/\/.+#map=11\/40\.7\/-73\.9/);
    // Ten ranked rows, highest first.
    const values = await brief.locator('tbody tr td:nth-child(3)').allInnerTexts();
    assert.equal(values.length, 10);
    const nums = values.map((v) => Number(v.replaceAll(',', '')));
    assert.deepEqual(nums, cliTopCounts());
    // The map is an image drawn from the map's frame, taller than the map alone (title band and footer).
    const img = await brief.locator('img.brief-map').evaluate((el) => ({ src: el.src.slice(0, 22), w: el.naturalWidth, h: el.naturalHeight }));
    assert.equal(img.src, 'data:image/png;base64,');
    assert.ok(img.w > 0 && img.h > 0, JSON.stringify(img));
    // No editing control is shown.
    for (const sel of ['.panel', '.map', '.statusbar', '.basemap-picker']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is hidden in print`);
    }
    assert.equal(await page.locator('button:visible, input:visible, select:visible').count(), 0);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await brief.isVisible(), false, 'the brief is not shown on screen');
    assert.deepEqual(app.errors, []);
  });
});

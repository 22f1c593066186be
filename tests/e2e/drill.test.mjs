// The drill-down (issue 12) in the sample dashboard: clicking a 500 m hexagon opens its share
// of empty readings per hour against the whole city's, and its hour × weekday grid, as charts
// with table alternatives and CSV downloads; numbers in the CSV never follow the locale, and
// Plot's charts pass the page's CSP (no console errors). The figures themselves are checked
// against SQL in tests/unit/cell-series.test.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, startBrowser } from './harness.mjs';
import { parseCsv } from './csv.mjs';

describe('drill-down', () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => env?.close());

  it('opens a hexagon over time, as charts, tables and CSV', async () => {
    // Centred on Midtown, where every hexagon has stations.
    const app = await openApp(env.browser, `${env.server.url}#13/40.754/-73.984`);
    const { page } = app;
    await page.locator('[data-legend]').first().waitFor({ timeout: 180_000 });
    // The first live layer (the first frame may be the published hexagons, not pickable).
    await page.waitForFunction(() => performance.getEntriesByName('citylens:first-live-draw').length > 0, null, { timeout: 180_000 });
    // The stations' points are drawn over the hexagons: hide them to pick a hexagon.
    const stations = page.getByRole('checkbox', { name: 'Citi Bike stations, March 2024' });
    if (await stations.count()) await stations.uncheck();
    const panel = page.getByRole('region', { name: 'Over time' });
    for (let i = 0; i < 20 && !(await panel.count()); i++) {
      await page.mouse.click(640 + (i % 3), 400);
      await page.waitForTimeout(500);
    }
    await panel.waitFor();
    await panel.getByRole('heading', { name: 'Per hour' }).waitFor();
    await panel.locator('.plot-host svg').first().waitFor();
    assert.equal(await panel.locator('.plot-host svg').count(), 2);
    assert.equal(await panel.locator('.plot-host style').count(), 0, 'Plot\'s inline <style> reached the page');

    // The table alternative: one row per hour of the data, shares between 0 and 1.
    await panel.getByText('Show as a table').first().click();
    const rows = panel.locator('table').first().locator('tbody tr');
    const n = await rows.count();
    assert.ok(n > 200 && n < 300, `${n} hourly rows`);

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download the series (CSV)' }).click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(csv[0], ['bin_start', 'cell', 'cell_suppressed', 'city', 'city_suppressed']);
    const body = csv.slice(1).filter((r) => r.length === 5);
    assert.equal(body.length, n);
    assert.match(body[0][0], /^2024-03-1\dT\d\d:00:00-04:00$/);
    for (const r of body) {
      if (r[2] === '1') assert.equal(r[1], '');
      else if (r[1] !== '') assert.ok(Number(r[1]) >= 0 && Number(r[1]) <= 1, `share ${r[1]}`);
      assert.ok(r[3] === '' || (Number(r[3]) >= 0 && Number(r[3]) <= 1), `city share ${r[3]}`);
    }
    const [grid] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download the grid (CSV)' }).click()]);
    const g = parseCsv(readFileSync(await grid.path(), 'utf8')).filter((r) => r.length === 4);
    assert.equal(g.length, 169);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
});

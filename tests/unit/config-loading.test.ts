// Loading a dashboard: the config beside index.html or ?config=<path> on the same origin only,
// never a blank page (an empty dashboard and the reason when it cannot be read), and data
// links checked before anything is fetched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configSource, loadDashboard } from '../../src/ui/config-loader';
import { checkDataLink } from '../../src/ui/data-link';
import { explainLoadError } from '../../src/ui/load-messages';
import { datasetIdError } from '../../src/engine/ingest/errors';
import { EngineError } from '../../src/engine/engine-error';
import { worded } from '../../src/ui/engine-client';
import { datasetAsEntry, datasetLoadOptions, mergeEntries } from '../../src/ui/config-datasets';

const BASE = 'https://city.example/dash/';
const ORIGIN = 'https://city.example';

/** A fetch that answers from a table of URL → body (string: 200) or status, recording what was asked. */
function stubFetch(answers: Record<string, string | number>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const a = answers[url];
    if (a === undefined) throw new TypeError('Failed to fetch');
    return typeof a === 'number' ? new Response('nope', { status: a }) : new Response(a, { status: 200 });
  });
  return asked;
}
afterEach(() => vi.unstubAllGlobals());

describe('where the config comes from', () => {
  it('citylens.config.json beside index.html, or a path on this site', () => {
    expect(configSource('', BASE)).toEqual({ ok: true, url: `${BASE}citylens.config.json`, fileName: 'citylens.config.json' });
    expect(configSource('?config=configs/bikes.json', BASE)).toEqual({ ok: true, url: `${BASE}configs/bikes.json`, fileName: 'configs/bikes.json' });
    expect(configSource('?config=/other/c.json', BASE)).toEqual({ ok: true, url: `${ORIGIN}/other/c.json`, fileName: '/other/c.json' });
    expect(configSource(`?config=${ORIGIN}/dash/c.json`, BASE)).toEqual({ ok: true, url: `${BASE}c.json`, fileName: `${ORIGIN}/dash/c.json` });
  });

  it('refuses every other origin and scheme, with a message', () => {
    for (const raw of ['https://evil.example/c.json', '//evil.example/c.json', 'http://city.example/dash/c.json', 'data:application/json,{}', 'javascript:alert(1)']) {
      expect(configSource(`?config=${encodeURIComponent(raw)}`, BASE), raw).toEqual({
        ok: false,
        message: `“${raw}” was not opened: ?config= takes a path on this site, such as “configs/bikes.json”, never another site, so that no link can put other people’s text on this dashboard`,
      });
    }
  });
});

describe('loading the dashboard', () => {
  it('a refused ?config= fetches nothing and opens an empty dashboard with the message', async () => {
    const asked = stubFetch({});
    const d = await loadDashboard(BASE, '?config=https://evil.example/c.json', ORIGIN);
    expect(asked).toEqual([]);
    expect(d.config.layers).toEqual([]);
    expect(d.messages).toEqual([
      '“https://evil.example/c.json” was not opened: ?config= takes a path on this site, such as “configs/bikes.json”, never another site, so that no link can put other people’s text on this dashboard',
    ]);
  });

  it('a 404, another HTTP error or no answer: an empty dashboard that says so', async () => {
    stubFetch({ [`${BASE}citylens.config.json`]: 404, [`${BASE}c500.json`]: 500 });
    expect((await loadDashboard(BASE, '', ORIGIN)).messages).toEqual([
      `citylens.config.json: not found (HTTP 404 at ${BASE}citylens.config.json); showing an empty dashboard`,
    ]);
    expect((await loadDashboard(BASE, '?config=c500.json', ORIGIN)).messages).toEqual([`c500.json: could not be read (HTTP 500 at ${BASE}c500.json); showing an empty dashboard`]);
    expect((await loadDashboard(BASE, '?config=gone.json', ORIGIN)).messages).toEqual([`gone.json: could not be read (${BASE}gone.json did not answer); showing an empty dashboard`]);
  });

  it('reads the catalog beside the config and checks references against it, naming the file as given', async () => {
    const config = { version: 2, catalog: 'data/catalog.json', load: ['tracts', 'bikes'], layers: [{ kind: 'outlines', id: 'o', dataset: 'tracts', title: 'T' }] };
    const catalog = { version: 1, datasets: [{ id: 'tracts', file: 'tracts.geojson' }] };
    stubFetch({ [`${BASE}configs/a.json`]: JSON.stringify(config), [`${BASE}configs/data/catalog.json`]: JSON.stringify(catalog) });
    const d = await loadDashboard(BASE, '?config=configs/a.json', ORIGIN);
    expect(d.catalog).toEqual({ catalog, url: `${BASE}configs/data/catalog.json` });
    expect(d.configUrl).toBe(`${BASE}configs/a.json`);
    expect(d.messages).toEqual(['configs/a.json: load[1]: no dataset with id "bikes"']);
    expect(d.config.layers.map((l) => l.id)).toEqual(['o']);
  });

  it('checks a config dataset\'s roles and value columns once its columns are known, at their paths in the file', async () => {
    // A bad dataset first: the parsed config leaves it out, the paths stay the file's.
    const config = { version: 2, datasets: [{ id: 'bad-id', url: 'x.csv' }, { id: 'bikes', url: 'b.csv', roles: { name: 'station', time: 'when' }, values: [{ column: 'n', label: 'N' }] }] };
    stubFetch({ [`${BASE}citylens.config.json`]: JSON.stringify(config) });
    const d = await loadDashboard(BASE, '', ORIGIN);
    expect(d.messages).toHaveLength(1);
    expect(d.columnProblems('bikes', ['station', 'ts', 'n'])).toEqual(['citylens.config.json: datasets[1].roles.time: dataset "bikes" has no column "when"']);
    expect(d.columnProblems('bikes', ['station', 'when', 'n'])).toEqual([]);
    expect(d.columnProblems('other', [])).toEqual([]);
  });

  it('the version-1 sample config loads, migrated', async () => {
    stubFetch({ [`${BASE}citylens.config.json`]: JSON.stringify({ version: 1, title: 'Old', catalog: 'c.json', load: ['a'] }), [`${BASE}c.json`]: 404 });
    const d = await loadDashboard(BASE, '', ORIGIN);
    expect([d.messages, d.config.version, d.config.title, d.config.load, d.catalog]).toEqual([[], 2, 'Old', ['a'], null]);
  });
});

describe('data links are input', () => {
  const context = { baseUrl: BASE, pageOrigin: ORIGIN, connectOrigins: ['https://data.city.example'] };
  const refused = (raw: string) => {
    const link = checkDataLink(raw, context);
    return link.ok ? `loads ${link.url}` : link.message;
  };

  it('each refused kind gets its own plain message', () => {
    expect(refused('javascript:alert(1)')).toBe('Not loaded: “javascript:alert(1)” is a script, not a data file. A data link is an https:// address or a path on this site.');
    expect(refused(' java\tscript:alert(1)')).toBe('Not loaded: “javascript:alert(1)” is a script, not a data file. A data link is an https:// address or a path on this site.');
    expect(refused('data:text/csv,lon,lat%0A1,2')).toBe(
      'Not loaded: “data:text/csv,lon,lat%0A1,2” carries its data inside the link (a data: URL). A data link is an https:// address or a path on this site; to open a file you have, use “Open data file”.',
    );
    expect(refused('file:///etc/passwd')).toBe('Not loaded: “file:///etc/passwd” is a file: address. CityLens reads data only from http:// and https:// addresses and paths on this site.');
    expect(refused('http://data.city.example/x.csv')).toBe('Not loaded: http://data.city.example/x.csv is plain http on a page served over https, which browsers block. Use its https:// address.');
    expect(refused('')).toBe('Not loaded: the data address is empty.');
  });

  it('an origin not in connectOrigins is blamed on connectOrigins, not on CORS, and says how to allow it', () => {
    expect(refused('https://evil.example/x.csv')).toBe(
      'Not loaded: https://evil.example/x.csv is on https://evil.example, which this dashboard does not allow. Its page reads data only from its own site and the origins in “connectOrigins” of citylens.config.json, and its Content-Security-Policy blocks the rest. To allow it, the publisher adds "https://evil.example" to connectOrigins and rewrites the policy with “node scripts/postbuild.mjs dist”.',
    );
    expect(refused('//evil.example/x.csv')).toMatch(/^Not loaded: https:\/\/evil\.example\/x\.csv is on https:\/\/evil\.example, which/);
  });

  it('paths on this site, this origin and allowed origins load', () => {
    expect(checkDataLink('data/x.csv', context)).toEqual({ ok: true, url: `${BASE}data/x.csv`, relative: true });
    expect(checkDataLink('../x.csv', context)).toEqual({ ok: true, url: `${ORIGIN}/x.csv`, relative: true });
    expect(checkDataLink(`${ORIGIN}/x.csv`, context)).toEqual({ ok: true, url: `${ORIGIN}/x.csv`, relative: false });
    expect(checkDataLink('https://data.city.example/b.parquet', context)).toEqual({ ok: true, url: 'https://data.city.example/b.parquet', relative: false });
    // Without connectOrigins (the Load from URL dialog) only the scheme is checked.
    expect(checkDataLink('https://evil.example/x.csv', { baseUrl: BASE, pageOrigin: ORIGIN }).ok).toBe(true);
  });

  it('a load refused for its dataset id names the file and the id, from the error\'s code', () => {
    expect(explainLoadError(datasetIdError('b.csv', 'dataset-id-taken', 'bikes'), `${BASE}b.csv`)).toBe(
      'Could not load b.csv: the dataset id "bikes" is already taken by a loaded dataset',
    );
    expect(explainLoadError(datasetIdError('b.csv', 'dataset-id-invalid', 'a"b'))).toBe(
      'Could not load b.csv: its dataset id "a"b" is not a table id (lower-case letters, digits and _, not starting with a digit)',
    );
    // As the main thread gets it from the worker: the code, parameters and subject on a worded Error.
    expect(explainLoadError(worded(datasetIdError('b.csv', 'dataset-id-taken', 'bikes')))).toBe(
      'Could not load b.csv: the dataset id "bikes" is already taken by a loaded dataset',
    );
  });

  it('a relative path that is not there says so in its own words', () => {
    const url = `${BASE}data/nope.csv`;
    expect(explainLoadError(new EngineError('fetch-http', { url, status: '404 Not Found' }), url, 'data/nope.csv')).toBe(
      `Could not load data/nope.csv: this site has no file at that path (HTTP 404 Not Found for ${url}).`,
    );
  });
});

describe('the config\'s datasets in the app', () => {
  const dataset = {
    id: 'bikes', url: 'data/bikes.parquet', format: 'parquet' as const, timeZone: 'America/New_York',
    name: { en: 'Citi Bike stations', es: 'Estaciones' }, source: { name: 'Citi Bike GBFS', url: 'https://citibikenyc.com' }, licence: 'Citi Bike Data License Agreement',
    roles: { lon: 'lon', lat: 'lat', name: 'name' },
  };

  it('become catalog entries with absolute files and their texts in the reader\'s language', () => {
    expect(datasetAsEntry(dataset, `${BASE}configs/a.json`, 'es', ['en', 'es'])).toEqual({
      id: 'bikes', file: `${BASE}configs/data/bikes.parquet`, title: 'Estaciones', source: 'Citi Bike GBFS', licence: 'Citi Bike Data License Agreement',
    });
    expect(datasetAsEntry(dataset, BASE, 'fr', ['en', 'es']).title).toBe('Citi Bike stations');
    // The config's id is the table's: its layers name it.
    expect(datasetLoadOptions(dataset)).toEqual({ id: 'bikes', format: 'parquet', timeZone: 'America/New_York', lon: 'lon', lat: 'lat' });
  });

  it('come before the catalog, and shadow catalog entries with their ids', () => {
    const a = { id: 'a', file: 'x' };
    expect(mergeEntries([a], [{ id: 'a', file: 'y' }, { id: 'b', file: 'z' }])).toEqual([a, { id: 'b', file: 'z' }]);
  });
});

// Bad configs, each with the exact message a publisher reads in the alert. Validation
// reports every problem (zod first, cross-references second), names unknown keys as
// warnings, and keeps what is usable.
import { describe, expect, it } from 'vitest';
import { reportLines, validateConfig, validateConfigText, type ValidateOptions } from '../../src/config/validate';
import { createLayer } from '../../src/config/layer';

const FILE = 'citylens.config.json';
const lines = (json: unknown, options: ValidateOptions = {}) => reportLines(FILE, validateConfig(json, options));
const v2 = (more: Record<string, unknown>) => ({ version: 2, ...more });
const bikes = { id: 'citibike', url: 'data/citibike.parquet' };
const hex = (id: string, dataset: string) => ({ kind: 'hexagon', id, dataset, title: id });

describe('config validation: bad configs and their messages', () => {
  it('1. wrong types', () => {
    expect(lines(v2({ title: 5, minCount: '5', layers: 'none' }))).toEqual([
      `${FILE}: title: expected a text, or an object of texts by language (keys such as "en")`,
      `${FILE}: minCount: expected number, got string`,
      `${FILE}: layers: expected array, got string`,
    ]);
  });

  it('2. an unknown layer kind', () => {
    expect(lines(v2({ datasets: [bikes], layers: [{ kind: 'bars', id: 'b', dataset: 'citibike', title: 'B' }] }))).toEqual([
      `${FILE}: layers[0].kind: unknown layer kind "bars": expected one of points, hexagon, grid, h3, districts, heatmap, choropleth, outlines, lines`,
    ]);
  });

  it('3. a layer naming a missing dataset', () => {
    const layers = [hex('a', 'citibike'), hex('b', 'citibike'), hex('c', 'bikes')];
    expect(lines(v2({ datasets: [bikes], layers }))).toEqual([`${FILE}: layers[2].dataset: no dataset with id "bikes"`]);
    // A districts layer names two datasets.
    expect(lines(v2({ datasets: [bikes], layers: [{ kind: 'districts', id: 'd', dataset: 'citibike', districts: 'tracts', title: 'D' }] }))).toEqual([
      `${FILE}: layers[0].districts: no dataset with id "tracts"`,
    ]);
  });

  it('4. a duplicate id', () => {
    expect(lines(v2({ datasets: [bikes, { ...bikes, url: 'other.csv' }], layers: [hex('h', 'citibike'), hex('h', 'citibike')] }))).toEqual([
      `${FILE}: datasets[1].id: id "citibike" is used by more than one dataset`,
      `${FILE}: layers[1].id: id "h" is used by more than one layer`,
    ]);
  });

  it('5. a URL on another origin not in connectOrigins', () => {
    const datasets = [{ id: 'x', url: 'https://evil.example/x.csv' }, { id: 'y', url: 'https://data.city.example/y.csv' }, { id: 'z', url: 'ftp://files.example/z.csv' }];
    expect(lines(v2({ datasets, connectOrigins: ['https://data.city.example'] }))).toEqual([
      `${FILE}: datasets[0].url: https://evil.example is not in connectOrigins, so the page may not read from it: add "https://evil.example" to connectOrigins`,
      `${FILE}: datasets[2].url: "ftp://files.example/z.csv" is neither an http(s) address nor a path beside the config`,
    ]);
    // The page's own origin needs no entry.
    expect(lines(v2({ datasets: [{ id: 'o', url: 'https://city.example/data/o.csv' }] }), { pageOrigin: 'https://city.example' })).toEqual([]);
  });

  it('6. HTML in a title is valid, and stays the text it is', () => {
    const report = validateConfig(v2({ title: '<img src=x onerror=alert(1)> Bikes & <b>docks</b>' }));
    expect(reportLines(FILE, report)).toEqual([]);
    expect(report.config.title).toBe('<img src=x onerror=alert(1)> Bikes & <b>docks</b>');
  });

  it('7. a config that is not JSON names the line and column', () => {
    const report = validateConfigText('{\n  "version": 2,\n  "title": CityLens\n}');
    expect(reportLines(FILE, report)).toEqual([`${FILE}: not valid JSON (line 3, column 12); showing an empty dashboard`]);
    expect(report.config.layers).toEqual([]);
    expect(reportLines(FILE, validateConfigText('{"version": 2,}'))).toEqual([`${FILE}: not valid JSON (line 1, column 15); showing an empty dashboard`]);
    expect(reportLines(FILE, validateConfigText(''))).toEqual([`${FILE}: not valid JSON (line 1, column 1); showing an empty dashboard`]);
  });

  it('8. unknown keys are warnings that name them, with the key probably meant', () => {
    const report = validateConfig(v2({ titel: 'Bikes', datasets: [{ ...bikes, licence: 'CC0', licenses: 'x' }], layers: [{ ...hex('h', 'citibike'), opactiy: 0.5 }], colour: 'red' }));
    expect(report.problems).toEqual([]);
    expect(reportLines(FILE, report)).toEqual([
      `${FILE}: titel: unknown key "titel", ignored: did you mean "title"?`,
      `${FILE}: datasets[0].licenses: unknown key "licenses", ignored: did you mean "licence"?`,
      `${FILE}: layers[0].opactiy: unknown key "opactiy", ignored: did you mean "opacity"?`,
      `${FILE}: colour: unknown key "colour", ignored`,
    ]);
  });

  it('9. a story link that is not https, and a step naming a missing layer', () => {
    const steps = [
      { title: 'Mornings', text: 'Docks fill *early*. See [the feed](http://gbfs.citibikenyc.com).', map: { layers: ['h', 'gone'] } },
      { title: 'Evenings', text: { en: 'Read [this](javascript:alert(1)).' } },
    ];
    expect(lines(v2({ datasets: [bikes], layers: [hex('h', 'citibike')], stories: [{ id: 's', title: 'Bikes', steps }] }))).toEqual([
      `${FILE}: stories[0].steps[0].map.layers[1]: no layer with id "gone"`,
      `${FILE}: stories[0].steps[0].text: the link to "http://gbfs.citibikenyc.com" is not an https:// address, so its text is shown without the link`,
      `${FILE}: stories[0].steps[1].text.en: the link to "javascript:alert(1)" is not an https:// address, so its text is shown without the link`,
    ]);
  });

  it('10. out of range values, a basemap without its schema, a default naming no basemap', () => {
    expect(lines(v2({ view: { center: [200, 40], zoom: 30 }, basemap: { default: 'city', basemaps: [{ id: 'town', title: 'Town', kind: 'pmtiles', url: 't.pmtiles' }] } }))).toEqual([
      `${FILE}: view.center[0]: must be at most 180`,
      `${FILE}: view.zoom: must be at most 22`,
      `${FILE}: basemap.basemaps[0].schema: a "pmtiles" basemap needs a "schema"`,
      `${FILE}: basemap.default: no basemap with id "city" in "basemaps"`,
    ]);
  });

  it('11. versions this CityLens cannot read, and a file that is not an object', () => {
    expect(lines({ version: 3 })).toEqual([`${FILE}: version: version 3 is not one this CityLens reads (1 or 2)`]);
    expect(lines({ title: 'x' })).toEqual([`${FILE}: version: needs a "version": 2 (this CityLens reads versions 1 and 2)`]);
    expect(lines([{ version: 2 }])).toEqual([`${FILE}: expected an object with "version": 2`]);
  });

  it('12. connectOrigins entries must be origins; story time windows must run forward; missing required keys', () => {
    const steps = [{ title: 'T', text: 'x', map: { time: { from: '2024-03-20', to: '2024-03-13' } } }, { text: 'no title' }];
    expect(lines(v2({ connectOrigins: ['https://data.example.org/api', 'data.example.org'], stories: [{ id: 's', title: 'S', steps }] }))).toEqual([
      `${FILE}: stories[0].steps[1].title: required, but missing`,
      `${FILE}: connectOrigins[0]: expected an origin, a scheme and a host only, such as "https://data.example.org"`,
      `${FILE}: connectOrigins[1]: expected an origin, a scheme and a host only, such as "https://data.example.org"`,
      `${FILE}: stories[0].steps[0].map.time: "from" must be before "to"`,
    ]);
  });

  it('13. a text in a language the config does not list is a warning; a logo on another site a problem', () => {
    expect(lines(v2({ languages: ['en', 'es'], title: { en: 'Bikes', es: 'Bicis', fr: 'Vélos' }, logo: { url: 'https://cdn.example/logo.svg', alt: 'City' } }))).toEqual([
      `${FILE}: logo.url: the logo must be a file on this site (a path beside the config): the page shows images from its own origin only`,
      `${FILE}: title.fr: a text in "fr", which is not in "languages" (en, es), so it is never shown`,
    ]);
  });

  it('14. role and value columns a loaded dataset lacks, and a value column listed twice', () => {
    const dataset = { ...bikes, roles: { name: 'name', time: 'ts_local', population: 'pop' }, values: [{ column: 'num_bikes_available', label: 'Bikes' }, { column: 'num_bikes_available', label: 'Again' }, { column: 'bikes', label: 'B' }] };
    const columnsOf = (id: string) => (id === 'citibike' ? ['name', 'ts_local', 'num_bikes_available'] : undefined);
    expect(lines(v2({ datasets: [dataset] }), { columnsOf })).toEqual([
      `${FILE}: datasets[0].values[1].column: column "num_bikes_available" is listed twice`,
      `${FILE}: datasets[0].values[2].column: dataset "citibike" has no column "bikes"`,
      `${FILE}: datasets[0].roles.population: dataset "citibike" has no column "pop"`,
    ]);
    // Not known yet: only the duplicate can be seen.
    expect(lines(v2({ datasets: [dataset] }))).toEqual([`${FILE}: datasets[0].values[1].column: column "num_bikes_available" is listed twice`]);
  });
});

describe('config validation: dataset ids are table names', () => {
  it('15. an id that is not lower-case letters, digits and _ (or starts with a digit) is refused at its path', () => {
    const rule = 'a dataset id is lower-case letters, digits and _, not starting with a digit (it names the table in SQL)';
    const datasets = [bikes, { id: 'bikes-2024', url: 'a.csv' }, { id: 'Bikes', url: 'b.csv' }, { id: '2024_bikes', url: 'c.csv' }, { id: '_ok_1', url: 'd.csv' }, { id: 'x'.repeat(61), url: 'e.csv' }];
    expect(lines(v2({ datasets }))).toEqual([
      `${FILE}: datasets[1].id: ${rule}`,
      `${FILE}: datasets[2].id: ${rule}`,
      `${FILE}: datasets[3].id: ${rule}`,
      `${FILE}: datasets[5].id: a dataset id is at most 60 characters`,
    ]);
    // The datasets with a bad id are left out; the others stay.
    expect(validateConfig(v2({ datasets })).config.datasets.map((d) => d.id)).toEqual(['citibike', '_ok_1']);
    expect(lines(v2({ datasets: [{ id: 'x'.repeat(60), url: 'e.csv' }] }))).toEqual([]);
  });
});

describe('config validation: what stays usable', () => {
  it('drops what a problem touches and keeps the rest, with every problem reported', () => {
    const good = hex('good', 'citibike');
    const report = validateConfig(v2({ title: 7, minCount: -1, datasets: [bikes], layers: [{ ...good, id: 'bad', opacity: 'x' }, good, hex('orphan', 'nope'), { kind: 'bars' }] }));
    expect(report.problems.map((p) => p.path)).toEqual(['title', 'minCount', 'layers[0].opacity', 'layers[3].kind', 'layers[2].dataset']);
    // The bad opacity falls back to its default; the orphan and the unknown kind are left out.
    expect(report.config.layers).toEqual([createLayer('hexagon', 'citibike', { id: 'bad', title: 'good' }), createLayer('hexagon', 'citibike', { id: 'good', title: 'good' })]);
    expect(report.config.title).toBe('CityLens');
    expect(report.config.minCount).toBe(5);
    expect(report.config.datasets).toEqual([bikes]);
  });

  it('checks layers against the catalog once it is known, and not before', () => {
    const config = v2({ catalog: 'data/catalog.json', load: ['tracts'], layers: [hex('h', 'tracts')] });
    expect(lines(config)).toEqual([]);
    expect(lines(config, { catalogIds: ['tracts'] })).toEqual([]);
    expect(lines(config, { catalogIds: ['boroughs'] })).toEqual([`${FILE}: layers[0].dataset: no dataset with id "tracts"`, `${FILE}: load[0]: no dataset with id "tracts"`]);
  });

  it('fills the defaults of an empty version-2 config', () => {
    const { config, problems, warnings } = validateConfig({ version: 2 });
    expect([problems, warnings]).toEqual([[], []]);
    expect(config).toEqual({
      version: 2, title: 'CityLens', languages: ['en'], view: { center: [0, 20], zoom: 1.5 }, minCount: 5,
      datasets: [], load: [], basemap: { basemaps: [] }, layers: [], stories: [], connectOrigins: [],
    });
  });
});

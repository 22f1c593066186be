// The catalogue, t(), engineText() and the formatter. The oracles are the English texts and
// number formats the app produced before the catalogue existed, written out here again,
// so the wording the e2e tests find elements by cannot drift.
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import {
  CATALOGUES, LOCALES, createTranslator, engineText, formatBytes, formatDate, formatDateTime, formatFixed,
  formatInteger, formatNumber, formatPercent, t, type MessageArgsOf,
} from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { bboxText, columnText, crsText, geometryText, memoryText, timeText, zoneText } from '../../src/ui/dataset-text';
import { progressText } from '../../src/ui/ProgressBar';
import { explainLoadError } from '../../src/ui/load-messages';
import { EngineError } from '../../src/engine/engine-error';
import { measureLabel } from '../../src/map/layer-labels';
import type { LayerKind, LayerSpec } from '../../src/config/layer';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Legend } from '../../src/ui/Legend';
import { categoricalScale, colourScale, scaleFromParts, scaleParts } from '../../src/scales/colour';
import { pickText } from '../../src/map/picking';
import type { ColumnInfo, DatasetInfo, GeometryInfo, TimeColumnInfo } from '../../src/engine/protocol';
import { catalogueProblems, messageArguments } from './i18n-check';

const us = new Intl.NumberFormat('en-US');

describe('the English catalogue', () => {
  it('compiles every message, with no ICU apostrophe quoting (message-args.ts does not read it)', () => {
    for (const [key, message] of Object.entries(en)) {
      expect(() => new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }), key).not.toThrow();
      expect(message.includes("'"), key).toBe(false);
    }
  });

  it('reads message arguments as the compiler does', () => {
    expect(messageArguments(en['load.loaded'])).toEqual([['name', 'simple'], ['rows', 'plural']]);
    expect(messageArguments(en['layers.newTitle'])).toEqual([['dataset', 'simple'], ['kind', 'select']]);
    expectTypeOf<MessageArgsOf<'load.loaded'>>().toEqualTypeOf<{ name: string; rows: number }>();
    expectTypeOf<MessageArgsOf<'layers.newTitle'>>().toEqualTypeOf<{ dataset: string; kind: string }>();
    expectTypeOf<MessageArgsOf<'metadata.crs'>>().toEqualTypeOf<{ crs: string; source: string; reprojected: string }>();
    expectTypeOf<MessageArgsOf<'layers.query'>>().toEqualTypeOf<{}>();
  });

  it('every locale has every key, with the arguments English has', () => {
    for (const locale of LOCALES) expect(catalogueProblems(en, CATALOGUES[locale], locale), locale).toEqual([]);
  });

  it('the catalogue check finds missing keys, extra keys and changed arguments', () => {
    const reference = { a: 'Loaded {name}: {n, plural, one {# row} other {# rows}}', b: 'Query', c: '{x}' };
    const broken = { a: 'Indlæst {navn}: {n, plural, one {# række} other {# rækker}}', c: '{x', d: 'Ekstra' };
    expect(catalogueProblems(reference, broken, 'da')).toEqual([
      'a: arguments [["n","plural"],["navn","simple"]], English has [["n","plural"],["name","simple"]]',
      'b: missing',
      expect.stringMatching(/^c: /),
      'd: not in English',
    ]);
  });
});

describe('t() words messages as the app did before the catalogue', () => {
  it('loading, loaded, cancelled and load errors', () => {
    vi.stubGlobal('location', { origin: 'https://citylens.example' });
    expect(t('load.loaded', { name: 'sf_bike_parking_racks', rows: 2520 })).toBe('Loaded sf_bike_parking_racks: 2,520 rows');
    // English needs the singular, which the old `${rows} rows` lacked.
    expect(t('load.loaded', { name: 'one', rows: 1 })).toBe('Loaded one: 1 row');
    expect(t('load.cancelled', { name: 'x.parquet' })).toBe('Cancelled loading x.parquet');
    const url = 'https://data.example/x.csv';
    expect(explainLoadError(new EngineError('fetch-http', { url, status: '404 Not Found' }), url)).toBe(
      `Could not load ${url}: the server answered HTTP 404 Not Found, so there is no file at that address.`,
    );
    expect(explainLoadError(new EngineError('fetch-http', { url, status: '500 Oops' }), url)).toBe(`Could not load ${url}: the server answered HTTP 500 Oops.`);
    expect(explainLoadError(new EngineError('fetch-unreachable', { url }), url)).toBe(
      `Could not load ${url}: the server at data.example did not allow this page to read the file (CORS), or could not be reached. ` +
        'Ask its publisher to allow cross-origin reads (Access-Control-Allow-Origin), or download the file and open it with “Open data file”.',
    );
    expect(explainLoadError(new EngineError('fetch-unreachable', { url: 'https://citylens.example/d.csv' }), 'https://citylens.example/d.csv')).toBe(
      'Could not load https://citylens.example/d.csv: the server could not be reached.',
    );
    expect(explainLoadError(new Error('x.csv is not valid JSON'))).toBe('Could not load: x.csv is not valid JSON');
    vi.unstubAllGlobals();
  });

  it('load progress', () => {
    expect(progressText(null)).toBe('preparing…');
    expect(progressText({ fileName: 'x', phase: 'fetch', bytesLoaded: 2048, bytesTotal: 4096, rows: null, rowsTotal: null })).toBe('2.0 KiB of 4.0 KiB');
    expect(progressText({ fileName: 'x', phase: 'insert', bytesLoaded: 10, bytesTotal: null, rows: 122880, rowsTotal: 1798339 })).toBe('122,880 of 1,798,339 rows');
    expect(progressText({ fileName: 'x', phase: 'insert', bytesLoaded: 10, bytesTotal: null, rows: 5000, rowsTotal: null })).toBe('5,000 rows');
  });

  it('catalog and marks comment', () => {
    expect(t('catalog.summary', { n: 1 })).toBe('Catalog: 1 more dataset');
    expect(t('catalog.summary', { n: 12 })).toBe('Catalog: 12 more datasets');
    expect(t('layers.marksComment', { rows: 1798339, marks: 2202 })).toBe(
      '-- 1,798,339 rows drawn as 2,202 marks: identical rows are one mark, drawn with the opacity of all its copies',
    );
  });

  it("a new layer's title is the kind's label in lower case, as before", () => {
    const labels: Record<LayerKind, string> = {
      points: 'Points', hexagon: 'Hexagons', grid: 'Square grid', h3: 'H3 cells',
      districts: 'Choropleth', choropleth: 'Choropleth', outlines: 'Outlines', lines: 'Lines', heatmap: 'Heatmap',
    };
    for (const [kind, label] of Object.entries(labels)) {
      expect(t(`layers.kind.${kind as LayerKind}`)).toBe(label);
      expect(t('layers.newTitle', { dataset: 'd', kind })).toBe(`d: ${label.toLowerCase()}`);
    }
    expect(t('layers.suggest.density', { dataset: 'd', size: formatInteger(500) })).toBe('d: rows per 500 m hexagon');
  });

  it('measure labels', () => {
    const spec = { stat: 'count', value: undefined, measure: 'value', column: undefined, colorBy: undefined, kind: 'hexagon' } as const;
    expect(measureLabel(spec)).toBe('Rows');
    expect(measureLabel({ ...spec, measure: 'perKm2' })).toBe('Rows per km²');
    expect(measureLabel({ ...spec, measure: 'per1000' })).toBe('Rows per 1,000 residents');
    expect(measureLabel({ ...spec, stat: 'p90', value: 'bikes' })).toBe('90th percentile of bikes');
    expect(measureLabel({ ...spec, stat: 'mean', value: 'bikes', measure: 'perKm2' })).toBe('Mean of bikes per km²');
    expect(measureLabel({ ...spec, stat: 'distinct', value: 'id', measure: 'per1000' })).toBe('Distinct count of id per 1,000 residents');
    expect(measureLabel({ ...spec, column: 'Population' })).toBe('Population');
  });

  it('legend and tooltip texts', () => {
    expect(t('legend.below', { value: formatNumber(1234.5678, { significant: 4 }) })).toBe('< 1,235');
    expect(t('legend.between', { from: '1', to: '2' })).toBe('1 – < 2');
    expect(t('legend.suppressed', { minCount: 5, n: '12' })).toBe('Suppressed (fewer than 5 rows): 12');
    expect(pickText({ title: 'Manhattan', rows: [['Rows', '1,234'], ['Area', '59.1 km²']], index: 0 })).toBe('Manhattan\nRows: 1,234\nArea: 59.1 km²');
  });
});

describe('dataset metadata in words', () => {
  const g: GeometryInfo = { kind: 'point', source: 'columns', lon: 'lon', lat: 'lat', crs: 'EPSG:4326', crsSource: 'default' };
  it('geometry, CRS and extent as the e2e tests read them', () => {
    expect(geometryText(g)).toBe('point, from columns “lon”/“lat”');
    expect(geometryText({ ...g, kind: 'none', source: 'none' })).toBe('no geometry');
    expect(geometryText({ ...g, kind: 'polygon', source: 'wkb', column: 'geom' })).toBe('polygon, from the WKB column “geom” (GeoParquet)');
    expect(crsText(g)).toBe('EPSG:4326 (assumed: the file does not say)');
    expect(crsText({ ...g, crs: 'EPSG:2263', crsSource: 'file', reprojected: true })).toBe(
      'EPSG:2263 (declared in the file), reprojected to WGS84 longitude/latitude',
    );
    expect(crsText({ ...g, crsSource: undefined })).toBe('EPSG:4326');
    expect(bboxText([-122.51128, 37.70952, -122.37649, 37.80601])).toBe('-122.5113, 37.7095 to -122.3765, 37.8060 (lon, lat)');
  });

  it('time zones, time range, memory and column notes', () => {
    const tc: TimeColumnInfo = { column: 'ts', parsedFrom: 'native', zone: 'local', timeZone: 'America/New_York', unparsed: 0, min: null, max: null };
    expect(zoneText(tc)).toBe('local time (America/New_York)');
    expect(zoneText({ ...tc, timeZone: undefined })).toBe('local time (zone not known)');
    expect(zoneText({ ...tc, zone: 'offset' })).toBe('UTC (converted from the offsets in the file)');
    const d = { timeRange: { column: 'ts', min: '2024-03-01T00:00:00', max: '2024-03-31T23:55:00' }, timeColumns: [tc] };
    expect(timeText(d as unknown as DatasetInfo)).toBe('ts: 2024-03-01 00:00:00 to 2024-03-31 23:55:00, local time (America/New_York)');
    expect(memoryText({ memoryBytes: 2048, shapeBytes: 1024 } as DatasetInfo)).toBe('3.0 KiB (table 2.0 KiB, shapes 1.0 KiB)');
    const c = { name: 'type', type: 'VARCHAR', category: true, distinct: 12 } as ColumnInfo;
    expect(columnText(c, undefined)).toBe('VARCHAR · category, 12 values');
    expect(columnText({ ...c, distinct: undefined, json: true }, undefined)).toBe('VARCHAR · category · JSON text');
  });
});

describe('engine messages', () => {
  afterEach(() => vi.restoreAllMocks());
  const wordings = createTranslator({ 'engine.rows-without-coordinates': '{n, plural, one {# row} other {# rows}} without coordinates' }, 'en');

  it('are worded from engine.<code>, with their parameters', () => {
    expect(engineText({ code: 'rows-without-coordinates', params: { n: 62 } }, wordings)).toBe('62 rows without coordinates');
    expect(engineText({ code: 'rows-without-coordinates', params: { n: 1 } }, wordings)).toBe('1 row without coordinates');
  });

  it('fall back to their code when unworded or worded with a parameter they lack', () => {
    expect(engineText({ code: 'no-such-code' })).toBe('no-such-code');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(engineText({ code: 'rows-without-coordinates' }, wordings)).toBe('rows-without-coordinates');
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('a translator follows its locale', () => {
  it('plural rules and # grouping are the locale’s', () => {
    const da = createTranslator({ rows: '{n, plural, one {# række} other {# rækker}}' }, 'da');
    expect(da.format('rows', { n: 1 })).toBe('1 række');
    expect(da.format('rows', { n: 1234 })).toBe('1.234 rækker');
    expect(da.has('rows')).toBe(true);
    expect(() => da.format('nope')).toThrow(/no message "nope"/);
  });
});

describe('the formatter', () => {
  it('formats integers and numbers as en-US did', () => {
    for (const n of [0, 7, 999, 1000, 2520, 1798339, -45000]) expect(formatInteger(n)).toBe(us.format(n));
    const sig4 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
    const frac2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    for (const v of [0.000123456, 1.5, 123.456, 98765.4321, -3.14159]) {
      expect(formatNumber(v, { significant: 4 })).toBe(sig4.format(v));
      expect(formatNumber(v, { fraction: 2 })).toBe(frac2.format(v));
    }
  });

  it('fixed decimals match toFixed for coordinates and seconds', () => {
    for (const v of [-122.51128, 37.70952, 0, 2.04, -0.00004]) expect(formatFixed(v, 4)).toBe(v.toFixed(4));
    expect(formatFixed(2.04, 1)).toBe('2.0');
  });

  it('sizes in binary units, as before', () => {
    // The formatter of before, written out again.
    const before = (n: number) =>
      n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024 ** 3).toFixed(2)} GiB`;
    for (const n of [0, 1023, 1024, 168550, 1048575, 1024 ** 2, 16_358_000, 1024 ** 3 - 1, 1024 ** 3, 5.5 * 1024 ** 3]) {
      expect(formatBytes(n)).toBe(before(n));
    }
    expect(formatBytes(168550)).toBe('164.6 KiB');
  });

  it('percentages and dates on a stated clock', () => {
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(0.03125, 1)).toBe('3.1%');
    // 07:30 UTC on 10 March 2024 is 03:30 in New York (EDT began at 02:00 that morning).
    const when = Date.UTC(2024, 2, 10, 7, 30);
    expect(formatDate(when, 'UTC')).toBe('Mar 10, 2024');
    expect(formatDateTime(when, 'America/New_York').replace(/\s/g, ' ')).toBe('Mar 10, 2024, 3:30 AM');
    expect(formatDateTime(new Date(when), 'UTC').replace(/\s/g, ' ')).toBe('Mar 10, 2024, 7:30 AM');
  });
});

describe('the legend words its classes from the catalogue', () => {
  const spec = { id: 'l1', title: 'Tracts: Population', kind: 'choropleth', stat: 'count', measure: 'value', column: 'Population' } as const;
  const opts = { scheme: 'viridis', classification: 'quantile', classes: 3 } as const;
  const items = (html: string) => [...html.matchAll(/<li[^>]*>(?:<span[^>]*><\/span>)?([^<]*)<\/li>/g)].map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

  it('class breaks, no-data and suppressed entries', () => {
    const scale = colourScale(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 1500, 2500, 3500]), opts);
    const html = renderToStaticMarkup(createElement(Legend, { spec: spec as unknown as LayerSpec, scale, minCount: 5, suppressedCells: 3, noData: 1200 }));
    const [b0, b1] = scale.breaks.map((b) => new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }).format(b));
    expect(items(html)).toEqual([`< ${b0}`, `${b0} – < ${b1}`, `≥ ${b1}`, 'No data: 1,200', 'Suppressed (fewer than 5 rows): 3']);
    expect(html).toContain('aria-label="Legend: Tracts: Population"');
    expect(html).toContain('<figcaption>Population</figcaption>');
  });

  it('the catch-all category is worded by the UI, and survives the worker boundary', () => {
    const parts = scaleParts(categoricalScale(['Noise', 'Rodent'], opts, true));
    expect(parts.otherCategory).toBe(true);
    const scale = scaleFromParts(parts);
    const html = renderToStaticMarkup(createElement(Legend, { spec: spec as unknown as LayerSpec, scale, minCount: 0, suppressedCells: 0 }));
    expect(items(html)).toEqual(['Noise', 'Rodent', 'Other']);
    expect(scaleParts(categoricalScale(['a', 'b'], opts)).otherCategory).toBeUndefined();
  });
});

// Spanish and Danish against English, the source catalogue: the same keys at runtime, every
// message compiling in its locale with English's arguments, plural and select structure and
// number styles, formatting with sample values, and real translations (no English copies
// beyond a short list of names and symbols). Numbers and dates follow the locale; exports do not.
import { afterEach, describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import {
  CATALOGUES, LOCALES, createTranslator, formatBytes, formatDate, formatInteger, formatNumber, formatPercent,
  intlLocale, setLocale, t, type Locale,
} from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { tableToCsv } from '../../src/engine/export/write';
import { catalogueProblems } from './i18n-check';

const TRANSLATIONS = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');
const english: Record<string, string> = en;

/** Names, symbols and code that are the same in Spanish, Danish and English, each with why. */
const SAME_IN_EVERY_LANGUAGE: Record<string, string> = {
  'app.title': 'the product name',
  'common.httpError': 'a file name and an HTTP status',
  'load.progress': 'a name and a progress figure',
  'link.shortened': 'an address cut short',
  'metadata.utc': 'UTC',
  'layers.suggest.column': 'a dataset and a column name',
  'analysis.shareExample': 'a column name in a filter',
  'hotspots.col.z': 'the z-score symbol',
  'hotspots.col.p': 'the p-value symbol',
  'legend.below': 'a comparison sign',
  'legend.atLeast': 'a comparison sign',
  'legend.between': 'a range of numbers',
  'legend.span': 'a range of numbers',
  'pick.areaValue': 'a number and km²',
  'pick.noValue': 'a dash',
  'pick.line': 'a label and a value',
  'map.metres': 'the metre symbol',
  'map.kilometres': 'the kilometre symbol',
  'console.open': 'SQL',
  'console.editor': 'SQL',
  'method.sql': 'SQL',
  'console.null': 'SQL NULL',
  'scales.scheme.viridis': 'a colour scheme’s name',
  'scales.scheme.cividis': 'a colour scheme’s name',
  'scales.scheme.magma': 'a colour scheme’s name',
  'units.bytes': 'the byte symbol',
  'units.kib': 'a binary unit symbol',
  'units.mib': 'a binary unit symbol',
  'units.gib': 'a binary unit symbol',
  'engine.console-error': 'DuckDB’s own error text',
  'datasets.fileFacts': 'a file name, format and size',
  'time.windowRange': 'two dates with a dash',
  'measure.withRhythm': 'a measure and its hours, with a comma',
};

/** Values a translation may share with English: the above, and the few words spelled alike. */
const SAME_AS_ENGLISH: Record<Exclude<Locale, 'en'>, Record<string, string>> = {
  es: { ...SAME_IN_EVERY_LANGUAGE },
  da: {
    ...SAME_IN_EVERY_LANGUAGE,
    'load.urlPlaceholder': 'an example address',
    // Danish words spelled as the English ones.
    'layers.data': 'Danish "data"',
    'geometry.polygon': 'Danish "polygon"',
    'stats.sum': 'Danish "sum"',
    'stats.median': 'Danish "median"',
    'stats.min': 'Danish "minimum"',
    'basemap.online': 'Danish "online"',
    'time.pause': 'Danish "pause"',
    'time.stop': 'Danish "stop"',
  },
};

/** What a message's structure must keep from English, read from its syntax tree. */
interface Shape {
  /** Each argument's kinds ('argument', 'plural', 'select', 'number', …). */
  kinds: Map<string, Set<string>>;
  /** Each select argument's option keys, over all its uses. */
  selectKeys: Map<string, Set<string>>;
  /** Each plural argument's option keys, and whether any of its bodies prints `#`. */
  pluralKeys: Map<string, Set<string>>;
  pound: Map<string, boolean>;
  /** Each number argument's style (`::.00000 group-off`), over all its uses. */
  numberStyles: Map<string, Set<string>>;
}

function addTo<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function shapeOf(message: string): Shape {
  const shape: Shape = { kinds: new Map(), selectKeys: new Map(), pluralKeys: new Map(), pound: new Map(), numberStyles: new Map() };
  const walk = (elements: MessageFormatElement[], plural: string | null) => {
    for (const el of elements) {
      if (el.type === TYPE.pound) {
        if (plural) shape.pound.set(plural, true);
        continue;
      }
      if (el.type === TYPE.literal) continue;
      addTo(shape.kinds, el.value, TYPE[el.type]);
      if (el.type === TYPE.number) {
        const style = el.style;
        addTo(shape.numberStyles, el.value, typeof style === 'string' || style == null ? String(style) : JSON.stringify(style.tokens));
      }
      if (el.type === TYPE.select) {
        for (const [key, option] of Object.entries(el.options)) {
          addTo(shape.selectKeys, el.value, key);
          walk(option.value, plural);
        }
      }
      if (el.type === TYPE.plural) {
        if (!shape.pound.has(el.value)) shape.pound.set(el.value, false);
        for (const [key, option] of Object.entries(el.options)) {
          addTo(shape.pluralKeys, el.value, key);
          walk(option.value, el.value);
        }
      }
    }
  };
  walk(parse(message, { ignoreTag: true }), null);
  return shape;
}

const sorted = <V>(m: Map<string, Set<V>>) => [...m].map(([k, v]) => [k, [...v].map(String).sort()]).sort();

/** Sample values for a message, from its English arguments: one set per plural count and select option. */
function sampleValues(message: string): Record<string, string | number | Date>[] {
  const shape = shapeOf(message);
  const base: Record<string, string | number | Date> = {};
  for (const [name, kinds] of shape.kinds) {
    if (kinds.has('plural') || kinds.has('number')) base[name] = 2;
    else if (kinds.has('date') || kinds.has('time')) base[name] = new Date(Date.UTC(2024, 2, 10, 7, 30));
    else if (kinds.has('select')) base[name] = 'other';
    else base[name] = `⟦${name}⟧`;
  }
  const variants = [base];
  for (const [name] of shape.pluralKeys) for (const n of [0, 1, 1_000_000]) variants.push({ ...base, [name]: n });
  for (const [name, keys] of shape.selectKeys) for (const key of keys) variants.push({ ...base, [name]: key });
  return variants;
}

/** The `⟦name⟧` samples a formatted message shows. */
const shown = (text: string) => [...text.matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1]).sort();

afterEach(() => setLocale('en'));

describe('every language has every message', () => {
  it('has exactly the English keys, checked at runtime', () => {
    for (const locale of LOCALES) {
      const keys = Object.keys(CATALOGUES[locale]).sort();
      expect(keys, locale).toEqual(Object.keys(en).sort());
    }
    expect(TRANSLATIONS).toEqual(['es', 'da']);
  });

  it('the key check fails for a missing or an extra key', () => {
    const { 'layers.heading': _dropped, ...missing } = CATALOGUES.es;
    expect(catalogueProblems(english, missing, 'es')).toEqual(['layers.heading: missing']);
    expect(catalogueProblems(english, { ...CATALOGUES.da, 'layers.extra': 'Ekstra' }, 'da')).toEqual(['layers.extra: not in English']);
    expect(catalogueProblems(english, { ...CATALOGUES.da, 'load.loaded': '{navn} indlæst' }, 'da')).toEqual([
      'load.loaded: arguments [["navn","simple"]], English has [["name","simple"],["rows","plural"]]',
    ]);
  });

  it('has no problems against English: keys, argument names and kinds', () => {
    for (const locale of TRANSLATIONS) expect(catalogueProblems(english, CATALOGUES[locale], locale), locale).toEqual([]);
  });
});

describe('every message keeps English’s ICU structure', () => {
  for (const locale of TRANSLATIONS) {
    it(`${locale}: compiles, with English's arguments, select options, number styles and plural forms`, () => {
      const categories = new Set<string>(new Intl.PluralRules(intlLocale(locale)).resolvedOptions().pluralCategories);
      for (const [key, message] of Object.entries(CATALOGUES[locale])) {
        expect(() => new IntlMessageFormat(message, intlLocale(locale), undefined, { ignoreTag: true }), `${locale} ${key}`).not.toThrow();
        // ICU apostrophe quoting would change what the type-level argument reader sees.
        expect(message.includes("'"), `${locale} ${key} uses an apostrophe`).toBe(false);
        const want = shapeOf(english[key]);
        const got = shapeOf(message);
        expect(sorted(got.kinds), `${locale} ${key}: arguments`).toEqual(sorted(want.kinds));
        expect(sorted(got.selectKeys), `${locale} ${key}: select options`).toEqual(sorted(want.selectKeys));
        expect(sorted(got.numberStyles), `${locale} ${key}: number styles`).toEqual(sorted(want.numberStyles));
        expect([...got.pound].sort(), `${locale} ${key}: # in plurals`).toEqual([...want.pound].sort());
        for (const [name, keys] of got.pluralKeys) {
          const exact = [...want.pluralKeys.get(name)!].filter((k) => k.startsWith('='));
          expect(keys.has('other'), `${locale} ${key}: ${name} has other`).toBe(true);
          for (const k of exact) expect(keys.has(k), `${locale} ${key}: ${name} keeps ${k}`).toBe(true);
          for (const k of keys) expect(k.startsWith('=') || categories.has(k), `${locale} ${key}: ${name} ${k} is a ${locale} plural category`).toBe(true);
        }
      }
    });
  }

  it('the structure check sees a dropped select option, a changed number style and a lost #', () => {
    const a = shapeOf('{kind, select, view {view} other {table}} {x, number, ::.0} {n, plural, one {# row} other {# rows}}');
    const b = shapeOf('{kind, select, other {tabel}} {x, number} {n, plural, one {en række} other {rækker}}');
    expect(sorted(b.selectKeys)).not.toEqual(sorted(a.selectKeys));
    expect(sorted(b.numberStyles)).not.toEqual(sorted(a.numberStyles));
    expect([...b.pound]).not.toEqual([...a.pound]);
  });
});

describe('every message formats in its language', () => {
  for (const locale of TRANSLATIONS) {
    it(`${locale}: with sample values for each plural count and select option, showing the arguments English shows`, () => {
      const translator = createTranslator(CATALOGUES[locale], intlLocale(locale));
      const reference = createTranslator(en, 'en');
      let formatted = 0;
      for (const key of Object.keys(en)) {
        for (const values of sampleValues(english[key])) {
          const text = translator.format(key, values);
          expect(text.trim().length, `${locale} ${key}`).toBeGreaterThan(0);
          expect(shown(text), `${locale} ${key} ${JSON.stringify(values)}`).toEqual(shown(reference.format(key, values)));
          formatted++;
        }
      }
      expect(formatted).toBeGreaterThan(Object.keys(en).length);
    });
  }

  it('words a sample of messages as a reader would read them', () => {
    const es = createTranslator(CATALOGUES.es, 'es');
    const da = createTranslator(CATALOGUES.da, 'da');
    expect(es.format('load.loaded', { name: 'citibike', rows: 1798339 })).toBe('citibike cargado: 1.798.339 filas');
    expect(es.format('load.loaded', { name: 'citibike', rows: 1 })).toBe('citibike cargado: 1 fila');
    // Spanish "many" (a round million) falls back to "other".
    expect(es.format('common.rows', { n: 1_000_000 })).toBe('1.000.000 filas');
    expect(da.format('load.loaded', { name: 'citibike', rows: 1798339 })).toBe('citibike indlæst: 1.798.339 rækker');
    expect(da.format('common.rows', { n: 1 })).toBe('1 række');
    expect(es.format('hotspots.summary', { hot: 0, cold: 1, n: 12, fdr: 'yes' })).toBe(
      'Ningún punto caliente y 1 punto frío entre 12 áreas, tras corregir por probar todas las áreas a la vez.',
    );
    expect(da.format('hotspots.summary', { hot: 3, cold: 0, n: 1, fdr: 'no' })).toBe('3 hotspots og ingen coldspots blandt 1 område.');
    expect(es.format('layers.newTitle', { dataset: 'd', kind: 'hexagon' })).toBe('d: hexágonos');
    expect(da.format('layers.newTitle', { dataset: 'd', kind: 'custom' })).toBe('d: custom');
    expect(da.format('console.created', { kind: 'view', name: 'scratch.v' })).toBe('Visningen scratch.v er oprettet.');
    expect(es.format('hotspots.params', { neighbours: 'reina', fdr: 'yes', n: 2165, permutations: 999 })).toBe(
      'Gi* de Getis-Ord, vecinos reina, corregido por la tasa de falsos descubrimientos, n = 2165, 999 permutaciones',
    );
    expect(da.format('engine.method-grid', {
      sizeM: '500', lon0: -73.9, lat0: 40.7, kx: 84420.123, ky: 111034.9, cached: 'no', positions: 2165, kernel: 'js',
    })).toBe(
      'kvadrater på 500 m i en lokal ækvirektangulær projektion centreret i -73,90000, 40,70000 (84420,1 m pr. længdegrad, ' +
        '111034,9 m pr. breddegrad, WGS84-radier dér); celler beregnet for 2.165 forskellige positioner, statistikken reduceret over rækkerne i JS',
    );
  });
});

describe('no translation is an English copy', () => {
  for (const locale of TRANSLATIONS) {
    it(`${locale}: differs from English except for names and symbols`, () => {
      const allowed = SAME_AS_ENGLISH[locale];
      const same = Object.keys(en).filter((key) => CATALOGUES[locale][key as keyof typeof en] === english[key]);
      expect(same.filter((key) => !(key in allowed)), locale).toEqual([]);
      // The list stays honest: every entry is still the same as English.
      expect(Object.keys(allowed).filter((key) => !same.includes(key)), `${locale}: stale allow-list entries`).toEqual([]);
    });
  }
});

describe('numbers and dates follow the locale, exports do not', () => {
  it('formats numbers, sizes, percentages and dates in the active locale', () => {
    const when = Date.UTC(2024, 2, 10, 7, 30);
    setLocale('es');
    expect(t('layers.heading')).toBe('Capas');
    expect(formatInteger(1798339)).toBe('1.798.339');
    expect(formatNumber(3.14159, { fraction: 2 })).toBe('3,14');
    expect(formatBytes(168550)).toBe('164,6 KiB');
    expect(formatDate(when, 'UTC')).toBe(new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(when));
    expect(formatDate(when, 'UTC')).toMatch(/^10 mar 2024$/);
    setLocale('da');
    expect(t('layers.heading')).toBe('Lag');
    expect(formatInteger(1798339)).toBe('1.798.339');
    expect(formatNumber(1234.5678, { fraction: 2 })).toBe('1.234,57');
    expect(formatPercent(0.25).replace(/\s/g, ' ')).toBe('25 %');
    expect(formatDate(when, 'UTC')).toBe('10. mar. 2024');
    setLocale('en');
    expect(formatNumber(1234.5678, { fraction: 2 })).toBe('1,234.57');
  });

  it('writes CSV with a decimal point and no grouping in every locale', () => {
    const table = { columns: [{ name: 'value', type: 'float' as const, values: [3.25, 1798339, -0.5] }], rows: Int32Array.from([0, 1, 2]) };
    const csv = 'value\n3.25\n1798339\n-0.5\n';
    for (const locale of LOCALES) {
      setLocale(locale);
      expect(tableToCsv(table), locale).toBe(csv);
    }
  });
});

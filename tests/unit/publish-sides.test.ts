// `publish` of a story step's before/after sides (issue 14) on a two-district fixture: each
// side is the layer over its own window (column, hours, weekdays), both sides share one
// colour scale pooled over their values, the manifest keys and hashes cover the windows,
// and a compare layer's summary (codes and numbers) words the same in en, es and da as the
// numbers worked out here: means by hand, Welch's p by integrating Student's t density.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publish } from '../../src/cli/publish';
import { layerHash } from '../../src/config/dataset-time';
import { PublishedLayer, PublishManifest } from '../../src/config/published';
import { sideHash, sideKey, type SidePair } from '../../src/config/side-window';
import { parseConfig } from '../../src/config/validate';
import { colourScale, scaleParts } from '../../src/scales/colour';
import { classOf } from '../../src/scales/classify';
import { summaryText } from '../../src/ui/public/summary-text';
import { intlLocale, setLocale } from '../../src/i18n';

// Two stations per district; readings on Monday 1 January 2024 (and noise the windows must drop).
const A = { morning: [9, 10, 11, 10, 9, 11, 10, 10], evening: [22, 23, 24, 23, 22, 24, 23, 23] };
const B = { morning: [28, 30, 32, 30, 29, 31], evening: [27, 33, 31, 29, 35, 31] };
const W = [5, 6, 7, 6, 5, 7]; // the same in both windows: no change at all

function csv(): string {
  const rows = ['lon,lat,ts,v,w'];
  const put = (lon: number, hour: number, vs: number[]) => vs.forEach((v, i) => {
    const lonJ = lon + (i % 2) * 0.01; // two stations
    rows.push(`${lonJ},0.5,2024-01-01 ${String(hour + (i % 3)).padStart(2, '0')}:${String(10 + i).padStart(2, '0')}:00,${v},${W[i % W.length]}`);
  });
  put(0.5, 7, A.morning);
  put(0.5, 16, A.evening);
  put(1.5, 7, B.morning);
  put(1.5, 16, B.evening);
  // Outside the hours (midday) and outside the weekdays (Tuesday evening): the windows drop them.
  for (const lon of [0.5, 0.51, 1.5, 1.51]) {
    rows.push(`${lon},0.5,2024-01-01 12:30:00,1000,1`);
    rows.push(`${lon},0.5,2024-01-02 17:30:00,500,1`);
  }
  return rows.join('\n') + '\n';
}

const square = (name: string, x: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});

const base = { kind: 'districts', dataset: 'pts', districts: 'areas', stat: 'mean', scheme: 'blues', classification: 'quantile', classes: 2, visible: false } as const;
const compare = { kind: 'compare', time: 'ts', before: { from: '2024-01-01T07:00', to: '2024-01-01T10:00' }, after: { from: '2024-01-01T16:00', to: '2024-01-01T19:00' } } as const;
// The before side names no column (the dataset's first timestamp column); the after side a weekday too.
const pair: SidePair = {
  before: { from: '2024-01-01', to: '2024-01-02', hours: { from: 7, to: 10 } },
  after: { column: 'ts', from: '2024-01-01', to: '2024-01-03', hours: { from: 16, to: 19 }, days: [1] },
};
const layers = [
  { ...base, id: 'mean-v', title: 'Mean v', value: 'v' },
  { ...base, id: 'swing', title: 'Change in v', value: 'v', analysis: compare },
  { ...base, id: 'flat', title: 'Change in w', value: 'w', analysis: compare },
];
const config = {
  version: 2,
  title: 'Fixture',
  minCount: 3,
  datasets: [{ id: 'pts', url: 'pts.csv' }, { id: 'areas', url: 'areas.geojson' }],
  layers,
  stories: [{
    id: 's',
    title: 'S',
    steps: [{
      title: 'Morning and evening',
      text: 'x',
      map: { layers: ['swing', 'flat'] },
      beforeAfter: { before: { layers: ['mean-v'], time: pair.before, label: 'Morning' }, after: { layers: ['mean-v'], time: pair.after, label: 'Evening' } },
    }],
  }],
};

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const variance = (v: number[]) => v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1);

/** ln Γ(x), Lanczos (g = 7, n = 9). */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Welch's two-sided p, by Simpson's rule over Student's t density's tail (on a log scale). */
function welchP(x: number[], y: number[]): number {
  const se2x = variance(x) / x.length, se2y = variance(y) / y.length;
  const t = Math.abs(mean(y) - mean(x)) / Math.sqrt(se2x + se2y);
  const df = (se2x + se2y) ** 2 / (se2x ** 2 / (x.length - 1) + se2y ** 2 / (y.length - 1));
  const logC = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  const f = (u: number) => { const s = Math.exp(u); return Math.exp(logC - ((df + 1) / 2) * Math.log1p((s * s) / df)) * s; };
  const lo = Math.log(t), hi = Math.log(t) + 12, n = 4000, h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += f(lo + i * h) * (i % 2 ? 4 : 2);
  return 2 * (sum * h) / 3;
}

describe('publish: before/after sides', () => {
  let dir: string;
  let manifest: PublishManifest;
  const file = (key: string) => PublishedLayer.parse(JSON.parse(readFileSync(path.join(dir, manifest.layers[key].file), 'utf8')));
  // As the citizen view hashes it: the spec as the config parses (defaults filled in).
  const spec = (id: string) => parseConfig(config, 'citylens.config.json').layers.find((l) => l.id === id)!;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'citylens-sides-'));
    writeFileSync(path.join(dir, 'pts.csv'), csv());
    writeFileSync(path.join(dir, 'areas.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [square('A', 0), square('B', 1)] }));
    writeFileSync(path.join(dir, 'citylens.config.json'), JSON.stringify(config));
    manifest = await publish(path.join(dir, 'citylens.config.json'), dir, () => {});
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keys each side by layer and windows, its hash covering the windows and the pair', async () => {
    const before = await sideKey('mean-v', pair, 'before'), after = await sideKey('mean-v', pair, 'after');
    expect(before).toMatch(/^mean-v@[0-9a-f]{12}$/);
    expect(after).not.toBe(before);
    // The side layer is not published on its own: only per side.
    expect(Object.keys(manifest.layers).sort()).toEqual([after, before, 'flat', 'swing'].sort());
    expect(manifest.layers[before].file).toBe(`published/${before}.json`);
    const s = spec('mean-v');
    expect(manifest.layers[before].hash).toBe(await sideHash(s, 3, pair, 'before'));
    expect(manifest.layers[after].hash).toBe(await sideHash(s, 3, pair, 'after'));
    expect(manifest.layers[before].hash).not.toBe(await layerHash(s, { minCount: 3 }));
    // Another window on this side, or on the other (the scale is pooled), is another entry.
    const otherHours: SidePair = { ...pair, before: { ...pair.before!, hours: { from: 8, to: 10 } } };
    expect(await sideHash(s, 3, otherHours, 'before')).not.toBe(manifest.layers[before].hash);
    const otherPartner: SidePair = { ...pair, after: { ...pair.after!, days: [1, 2] } };
    expect(await sideKey('mean-v', otherPartner, 'before')).not.toBe(before);
    expect(await sideHash(s, 3, otherPartner, 'before')).not.toBe(manifest.layers[before].hash);
    // The single layers keep their plain keys and hashes.
    expect(manifest.layers.swing.hash).toBe(await layerHash(spec('swing'), { minCount: 3 }));
    expect(file(before).time).toEqual(pair.before);
  });

  it('applies each side’s window and colours both sides with one scale pooled over their values', async () => {
    const before = file(await sideKey('mean-v', pair, 'before')), after = file(await sideKey('mean-v', pair, 'after'));
    const value = (l: PublishedLayer, name: string) => l.features.features.find((f) => f.properties.name === name)!.properties.value;
    expect(value(before, 'A')).toBeCloseTo(mean(A.morning), 10);
    expect(value(before, 'B')).toBeCloseTo(mean(B.morning), 10);
    expect(value(after, 'A')).toBeCloseTo(mean(A.evening), 10);
    expect(value(after, 'B')).toBeCloseTo(mean(B.evening), 10);
    expect(after.scale).toEqual(before.scale);
    const options = { scheme: 'blues', classification: 'quantile', classes: 2, visible: false } as const;
    const pooled = scaleParts(colourScale(Float64Array.from([mean(A.morning), mean(B.morning), mean(A.evening), mean(B.evening)]), options));
    expect(before.scale.breaks).toEqual(pooled.breaks);
    expect(before.scale.domain).toEqual(pooled.domain);
    // Pooling matters here: the morning alone would be classed differently.
    expect(scaleParts(colourScale(Float64Array.from([mean(A.morning), mean(B.morning)]), options)).breaks).not.toEqual(pooled.breaks);
    for (const l of [before, after]) {
      for (const f of l.features.features) expect(f.properties.c).toBe(classOf(f.properties.value!, pooled.breaks));
    }
  });

  it('stores the comparison as codes and numbers, and words it in en, es and da', () => {
    const swing = file('swing');
    const pA = welchP(A.morning, A.evening), pB = welchP(B.morning, B.evening);
    // Benjamini–Hochberg over the two: A is the smaller p, B the larger.
    expect(2 * pA).toBeLessThan(0.01);
    expect(pB).toBeGreaterThan(0.1);
    const pc = (100 * (mean(A.evening) - mean(A.morning))) / mean(A.morning);
    expect(swing.summary).toMatchObject({ test: 'welch', tested: 2, significant: 1, fdr: true });
    const l = swing.summary!.largest!;
    expect(l).toMatchObject({ id: 'A', name: 'A', direction: 'up', level: 99 });
    expect(l.before).toBeCloseTo(mean(A.morning), 10);
    expect(l.after).toBeCloseTo(mean(A.evening), 10);
    expect(l.percentChange).toBeCloseTo(pc, 10);
    expect(Math.abs(l.p - pA) / pA).toBeLessThan(1e-4);
    // Only codes and numbers are stored: no sentence in the file.
    expect(JSON.stringify(swing.summary)).not.toMatch(/chance|rose|fell/);
    const flat = file('flat').summary!;
    expect(flat).toMatchObject({ tested: 2, significant: 0, largest: null });

    const words = {
      en: (p: string, n: (v: number) => string, lv: string) => [`The value rose by ${p} in A, from ${n(10)} to ${n(23)}; that change is larger than chance would give, at ${lv}.`, '1 of the 2 areas compared changed more than chance would give.', 'No area changed more than chance would give (2 areas compared).'],
      es: (p: string, n: (v: number) => string, lv: string) => [`El valor subió un ${p} en A, de ${n(10)} a ${n(23)}; es un cambio mayor de lo que daría el azar, al ${lv}.`, '1 de las 2 zonas comparadas cambió más de lo que daría el azar.', 'Ninguna zona cambió más de lo que daría el azar (2 zonas comparadas).'],
      da: (p: string, n: (v: number) => string, lv: string) => [`Værdien steg med ${p} i A, fra ${n(10)} til ${n(23)}; den ændring er større, end tilfældet ville give, på ${lv}-niveau.`, '1 af de 2 sammenlignede områder ændrede sig mere, end tilfældet ville give.', 'Intet område ændrede sig mere, end tilfældet ville give (2 områder sammenlignet).'],
    } as const;
    try {
      for (const locale of ['en', 'es', 'da'] as const) {
        setLocale(locale);
        const pct = (share: number, d: number) => new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: d }).format(share);
        const n = (v: number) => new Intl.NumberFormat(intlLocale(), { maximumSignificantDigits: 3 }).format(v);
        const [largest, counted, none] = words[locale](pct(pc / 100, 1), n, pct(0.99, 0));
        expect(summaryText(swing.summary!)).toEqual([largest, counted]);
        expect(summaryText(flat)).toEqual([none]);
      }
    } finally {
      setLocale('en');
    }
  });
});

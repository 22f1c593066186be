// `publish` of layers as the analyst view opens with them: over the dataset's configured time
// state (the config's `time` record) and the layer's own hours and weekdays (its `rhythm`),
// with both in the hash the citizen view and the first frame compare. The oracle filters
// the fixture's rows here, by their UTC clock, and averages them by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publish } from '../../src/cli/publish';
import { layerHash } from '../../src/config/dataset-time';
import { PublishedLayer, PublishManifest } from '../../src/config/published';
import { parseConfig } from '../../src/config/validate';

/** Readings: district A at lon 0.5, B at lon 1.5; Monday 1, Tuesday 2 and Saturday 6 January 2024. */
const ROWS: { lon: number; ts: string; v: number }[] = [];
for (const [lon, shift] of [[0.5, 0], [1.5, 100]] as const) {
  for (const [day, hours] of [['2024-01-01', [6, 7, 8, 9, 10, 12, 18]], ['2024-01-02', [7, 9, 23]], ['2024-01-06', [8, 9, 15]]] as const) {
    hours.forEach((h, i) => ROWS.push({ lon: lon + (i % 2) * 0.01, ts: `${day} ${String(h).padStart(2, '0')}:${String(5 + i).padStart(2, '0')}:00`, v: shift + h * 3 + i }));
  }
}

const csv = () => ['lon,lat,ts,v', ...ROWS.map((r) => `${r.lon},0.5,${r.ts},${r.v}`)].join('\n') + '\n';
const square = (name: string, x: number) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });

/** The oracle: the mean of v over the rows of district `d` that `keep` keeps (hour and ISO weekday on the UTC clock). */
function meanOf(d: 'A' | 'B', keep: (hour: number, isoDay: number, ts: string) => boolean): number {
  const vs = ROWS.filter((r) => (r.lon < 1 ? 'A' : 'B') === d).filter((r) => {
    const t = new Date(`${r.ts.replace(' ', 'T')}Z`);
    return keep(t.getUTCHours(), t.getUTCDay() || 7, r.ts);
  }).map((r) => r.v);
  return vs.reduce((s, x) => s + x, 0) / vs.length;
}

const base = { kind: 'districts', dataset: 'pts', districts: 'areas', stat: 'mean', value: 'v', classes: 2 } as const;
const rhythm = { hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] };
const configOf = (time?: unknown) => ({
  version: 2,
  title: 'Fixture',
  minCount: 1,
  datasets: [{ id: 'pts', url: 'pts.csv', timeZone: 'UTC' }, { id: 'areas', url: 'areas.geojson' }],
  layers: [{ ...base, id: 'all', title: 'Mean v' }, { ...base, id: 'mornings', title: 'Mean v, weekday mornings', rhythm }],
  ...(time ? { time } : {}),
});

describe('publish: the configured time state and a layer rhythm', () => {
  let dir: string;
  const runs: Record<string, { manifest: PublishManifest; config: ReturnType<typeof parseConfig> }> = {};
  const value = (run: string, layer: string, name: string) => {
    const { manifest } = runs[run];
    const file = PublishedLayer.parse(JSON.parse(readFileSync(path.join(dir, run, manifest.layers[layer].file), 'utf8')));
    return file.features.features.find((f) => f.properties.name === name)!.properties.value!;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'citylens-time-'));
    const configs = { plain: configOf(), monday: configOf({ pts: { window: { from: '2024-01-01', to: '2024-01-02' } } }), evenings: configOf({ pts: { hours: { from: 8, to: 20 } } }) };
    for (const [name, json] of Object.entries(configs)) {
      const d = path.join(dir, name);
      mkdirSync(d);
      writeFileSync(path.join(d, 'pts.csv'), csv());
      writeFileSync(path.join(d, 'areas.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [square('A', 0), square('B', 1)] }));
      writeFileSync(path.join(d, 'citylens.config.json'), JSON.stringify(json));
      runs[name] = { manifest: await publish(path.join(d, 'citylens.config.json'), d, () => {}), config: parseConfig(json, 'citylens.config.json') };
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the layer’s hours and weekdays within the dataset’s configured window', () => {
    const weekdayMorning = (h: number, d: number) => h >= 7 && h < 10 && d <= 5;
    for (const d of ['A', 'B'] as const) {
      expect(value('plain', 'all', d)).toBeCloseTo(meanOf(d, () => true), 10);
      expect(value('plain', 'mornings', d)).toBeCloseTo(meanOf(d, weekdayMorning), 10);
      expect(value('monday', 'all', d)).toBeCloseTo(meanOf(d, (_h, _d, ts) => ts.startsWith('2024-01-01')), 10);
      expect(value('monday', 'mornings', d)).toBeCloseTo(meanOf(d, (h, day, ts) => weekdayMorning(h, day) && ts.startsWith('2024-01-01')), 10);
      // The configured hours (8–20) and the layer's (7–10) keep 8–10 together.
      expect(value('evenings', 'all', d)).toBeCloseTo(meanOf(d, (h) => h >= 8 && h < 20), 10);
      expect(value('evenings', 'mornings', d)).toBeCloseTo(meanOf(d, (h, day) => h >= 8 && h < 10 && day <= 5), 10);
    }
    // The filters matter on this fixture: every variant differs from the plain mean.
    expect(value('plain', 'mornings', 'A')).not.toBeCloseTo(value('plain', 'all', 'A'), 3);
    expect(value('monday', 'all', 'A')).not.toBeCloseTo(value('plain', 'all', 'A'), 3);
  });

  it('hashes the spec with the dataset’s configured time state, as the citizen view checks it', async () => {
    const hash = (run: string, layer: string) => runs[run].manifest.layers[layer].hash;
    for (const run of Object.keys(runs)) {
      for (const layer of ['all', 'mornings']) {
        const spec = runs[run].config.layers.find((l) => l.id === layer)!;
        expect(hash(run, layer)).toBe(await layerHash(spec, runs[run].config));
      }
    }
    expect(new Set(Object.keys(runs).flatMap((run) => ['all', 'mornings'].map((l) => hash(run, l)))).size).toBe(6);
    // Without a time record the hash is the one publish wrote before there was one: older files stay current.
    const { stableHash } = await import('../../src/config/stable-hash');
    const all = runs.plain.config.layers.find((l) => l.id === 'all')!;
    expect(hash('plain', 'all')).toBe(await stableHash({ spec: all, minCount: 1 }));
    // Playback settings and the timeline's bin do not change what a layer shows.
    const withBin = { ...runs.plain.config, time: { pts: { bin: 'day' as const } } };
    expect(await layerHash(all, withBin)).toBe(hash('plain', 'all'));
  });
});

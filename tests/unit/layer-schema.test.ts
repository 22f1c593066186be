// The layer schema: one variant per kind, defaults from one table, stable ids, every
// problem named with its JSON path, and version-1 specs migrated.
import { describe, expect, it } from 'vitest';
import { createLayer, deriveLayerId, LAYER_KINDS, LAYER_SCHEMAS, LayerSpec, parseLayer, updateLayer } from '../../src/config/layer';
import { LAYER_SETTINGS } from '../../src/config/layer-settings';
import { formatPath } from '../../src/config/json-path';
import { migrateLayerV1, type LayerSpecV1 } from '../../src/config/migrate-layer';
import { DashboardConfig } from '../../src/config/schema';
import { DEFAULT_MIN_COUNT } from '../../src/engine/aggregate/privacy';

describe('layer schema', () => {
  it('fills every default of a kind, and only the settings that kind has', () => {
    expect(createLayer('hexagon', 'bikes', { title: 'Bikes' })).toEqual({
      kind: 'hexagon', id: 'hexagon-bikes', dataset: 'bikes', title: 'Bikes', visible: true, opacity: 0.75,
      sizeM: 500, stat: 'count', measure: 'value', classification: 'quantile', scheme: 'viridis', classes: 6, extruded: false,
    });
    expect(createLayer('h3', 'bikes', { title: 'H3', resolution: 8 })).toEqual({
      kind: 'h3', id: 'h3-bikes', dataset: 'bikes', title: 'H3', visible: true, opacity: 0.75,
      resolution: 8, stat: 'count', measure: 'value', classification: 'quantile', scheme: 'viridis', classes: 6,
    });
    expect(createLayer('points', 'bikes', { title: 'P' })).toEqual({
      kind: 'points', id: 'points-bikes', dataset: 'bikes', title: 'P', visible: true, opacity: 0.8,
      classification: 'quantile', scheme: 'viridis', classes: 6,
    });
    expect(createLayer('outlines', 'tracts', { title: 'O', visible: false })).toEqual({
      kind: 'outlines', id: 'outlines-tracts', dataset: 'tracts', title: 'O', visible: false, opacity: 0.75,
    });
    expect(createLayer('districts', 'bikes', { title: 'D', districts: 'tracts', stat: 'mean', value: 'n' })).toMatchObject({
      kind: 'districts', districts: 'tracts', stat: 'mean', value: 'n', measure: 'value',
    });
  });

  it('takes its defaults and ranges from the one table', () => {
    const hex = createLayer('hexagon', 'd', { title: '' });
    expect(hex.opacity).toBe(LAYER_SETTINGS.opacity.value);
    expect(hex.sizeM).toBe(LAYER_SETTINGS.sizeM.value);
    expect(hex.classes).toBe(LAYER_SETTINGS.classes.value);
    expect(createLayer('points', 'd', { title: '' }).opacity).toBe(LAYER_SETTINGS.pointsOpacity.value);
    expect(LAYER_SCHEMAS.grid.shape.sizeM.description).toBe(LAYER_SETTINGS.sizeM.description);
    expect(() => createLayer('grid', 'd', { title: '', sizeM: LAYER_SETTINGS.sizeM.min - 1 })).toThrow();
    expect(() => createLayer('h3', 'd', { title: '', resolution: 16 })).toThrow();
  });

  it('keeps the privacy default k in one place', () => {
    expect(DashboardConfig.parse({ version: 2 }).minCount).toBe(DEFAULT_MIN_COUNT);
  });

  it('derives ids from kind and dataset, never from a counter', () => {
    expect(deriveLayerId('grid', 'bikes')).toBe('grid-bikes');
    expect(deriveLayerId('grid', 'bikes', ['grid-bikes', 'grid-bikes-2'])).toBe('grid-bikes-3');
    // The same inputs give the same id, however many layers were made before.
    for (let i = 0; i < 3; i++) createLayer('grid', 'bikes', { title: '' });
    expect(createLayer('grid', 'bikes', { title: '' }).id).toBe('grid-bikes');
    expect(createLayer('grid', 'bikes', { title: '', taken: ['grid-bikes'] }).id).toBe('grid-bikes-2');
    expect(createLayer('grid', 'bikes', { title: '', id: 'mine' }).id).toBe('mine');
  });

  it('updates a layer without changing what it is, and refuses what the schema refuses', () => {
    const grid = createLayer('grid', 'bikes', { title: 'G' });
    const bigger = updateLayer(grid, { sizeM: 1000, extruded: true });
    expect(bigger).toEqual({ ...grid, sizeM: 1000, extruded: true });
    expect(grid.sizeM).toBe(500);
    // A setting the kind lacks is dropped; an invalid one leaves the very same object.
    expect(updateLayer(grid, { resolution: 3 })).toEqual(grid);
    expect(updateLayer(grid, { classes: 40 })).toBe(grid);
    expect(updateLayer(grid, { opacity: Number.NaN })).toBe(grid);
    const points = createLayer('points', 'bikes', { title: 'P', colorBy: 'type' });
    expect(updateLayer(points, { colorBy: undefined }).colorBy).toBeUndefined();
    expect(updateLayer(points, { colorBy: 'size' }).colorBy).toBe('size');
  });

  it('reports every problem with its JSON path', () => {
    const r = parseLayer({ kind: 'hexagon', id: 'h', dataset: 'd', title: 3, sizeM: -5, domain: [0, 'x'], classes: 2.5 }, ['layers', 2]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(['layers[2].classes', 'layers[2].domain[1]', 'layers[2].sizeM', 'layers[2].title']);
    expect(r.problems.find((p) => p.path === 'layers[2].sizeM')?.message).toMatch(/>=10/);
  });

  it('names unknown and missing kinds with the kinds it knows', () => {
    const unknown = parseLayer({ kind: 'hexagons', id: 'h', dataset: 'd', title: '' }, ['layers', 0]);
    expect(unknown).toEqual({
      ok: false,
      warnings: [],
      problems: [{ path: 'layers[0].kind', message: `unknown layer kind "hexagons": expected one of ${LAYER_KINDS.join(', ')}` }],
    });
    const missing = parseLayer({ id: 'h' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]).toEqual({ path: 'kind', message: `a layer needs a "kind": expected one of ${LAYER_KINDS.join(', ')}` });
    const notObject = parseLayer(7, ['layers', 1]);
    expect(notObject.ok).toBe(false);
    if (!notObject.ok) expect(notObject.problems[0].path).toBe('layers[1]');
  });

  it('warns about unknown keys by name, and still accepts the layer', () => {
    const r = parseLayer({ kind: 'h3', id: 'a', dataset: 'd', title: 'T', resoluton: 7, sizeM: 200 }, ['layers', 4]);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.path)).toEqual(['layers[4].resoluton', 'layers[4].sizeM']);
    if (r.ok) expect(r.layer).not.toHaveProperty('resoluton');
  });

  it('has one variant per kind, each parsing its own minimal layer', () => {
    const needs: Record<string, object> = { districts: { districts: 'tracts' }, choropleth: { column: 'pop' } };
    for (const kind of LAYER_KINDS) {
      const parsed = LayerSpec.parse({ kind, id: kind, dataset: 'd', title: kind, ...needs[kind] });
      expect(parsed.kind).toBe(kind);
    }
    expect(Object.keys(LAYER_SCHEMAS).sort()).toEqual([...LAYER_KINDS].sort());
  });

  it('formats JSON paths as people read them', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['layers', 2, 'domain', 0])).toBe('layers[2].domain[0]');
    expect(formatPath([0, 'a b'])).toBe('[0]["a b"]');
  });
});

describe('migrateLayerV1', () => {
  const v1 = (kind: LayerSpecV1['kind'], extra: Partial<LayerSpecV1> = {}): LayerSpecV1 => ({
    id: `${kind}-7`, kind, dataset: 'bikes', title: 'T', visible: true, opacity: 0.7, sizeM: 250, resolution: 8,
    stat: 'mean', value: 'n', measure: 'perKm2', classification: 'jenks', scheme: 'magma', classes: 5, extruded: true, ...extra,
  });
  const migrated = (old: LayerSpecV1) => {
    const r = parseLayer(migrateLayerV1(old));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.warnings).toEqual([]);
    return r.layer;
  };

  it('renames hexagons to hexagon and keeps its settings and id', () => {
    expect(migrated(v1('hexagons'))).toEqual({
      kind: 'hexagon', id: 'hexagons-7', dataset: 'bikes', title: 'T', visible: true, opacity: 0.7, sizeM: 250,
      stat: 'mean', value: 'n', measure: 'perKm2', classification: 'jenks', scheme: 'magma', classes: 5, extruded: true,
    });
  });

  it('turns a choropleth of points in districts into a districts layer', () => {
    expect(migrated(v1('choropleth', { districts: 'tracts', domain: [0, 9] }))).toEqual({
      kind: 'districts', id: 'choropleth-7', dataset: 'bikes', title: 'T', visible: true, opacity: 0.7, districts: 'tracts',
      stat: 'mean', value: 'n', measure: 'perKm2', classification: 'jenks', scheme: 'magma', classes: 5, domain: [0, 9],
    });
  });

  it('keeps a choropleth of its own column, dropping the aggregate settings', () => {
    expect(migrated(v1('choropleth', { column: 'pop' }))).toEqual({
      kind: 'choropleth', id: 'choropleth-7', dataset: 'bikes', title: 'T', visible: true, opacity: 0.7, column: 'pop',
      classification: 'jenks', scheme: 'magma', classes: 5,
    });
  });

  it('keeps only what points, heatmaps, outlines and lines have', () => {
    expect(migrated(v1('points', { colorBy: 'type' }))).toEqual({
      kind: 'points', id: 'points-7', dataset: 'bikes', title: 'T', visible: true, opacity: 0.7, colorBy: 'type',
      classification: 'jenks', scheme: 'magma', classes: 5,
    });
    for (const kind of ['heatmap', 'outlines', 'lines'] as const) {
      expect(migrated(v1(kind))).toEqual({ kind, id: `${kind}-7`, dataset: 'bikes', title: 'T', visible: true, opacity: 0.7 });
    }
  });

  it('leaves what a version-1 layer lacked for parseLayer to name', () => {
    const r = parseLayer(migrateLayerV1(v1('choropleth')), ['layers', 0]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['layers[0].column']);
    expect(migrateLayerV1('x')).toBe('x');
  });

  it('does not change its input', () => {
    const old = v1('hexagons');
    const copy = structuredClone(old);
    migrateLayerV1(old);
    expect(old).toEqual(copy);
  });
});

// Per-feature names and values in feature order; a feature without a name is null (the
// UI words it "Feature n"), never English from the engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { columnValues, featureNames } from '../../src/engine/features';

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const geojson = (properties: Record<string, unknown>[]) =>
  new TextEncoder().encode(
    JSON.stringify({ type: 'FeatureCollection', features: properties.map((p, i) => ({ type: 'Feature', properties: p, geometry: square(i) })) }),
  );

describe('feature names and values', () => {
  const engine = new Engine(nodePlatform);
  beforeAll(async () => {
    await engine.init();
  });

  it('names from the name column, null where a feature has none; values NaN for null', async () => {
    const info = await engine.loadBytes('named.geojson', geojson([{ name: 'Alpha', v: 1 }, { name: null, v: null }, { name: 'Gamma', v: 3 }]), {});
    expect(featureNames(engine.connection, info)).toEqual(['Alpha', null, 'Gamma']);
    expect(Array.from(columnValues(engine.connection, info, 'v'))).toEqual([1, NaN, 3]);
  });

  it('all null when the dataset has no text column', async () => {
    const info = await engine.loadBytes('unnamed.geojson', geojson([{ v: 1 }, { v: 2 }]), {});
    expect(featureNames(engine.connection, info)).toEqual([null, null]);
  });
});

// Contiguity on real boundary files: NYC's 5 boroughs and 2,166 census tracts, loaded by
// the engine. Queen is checked list for list against issue 11's vertex rule read
// literally (tests/unit/neighbours-helpers.ts); rook against what any rook rule must be.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import type { PolygonShapes } from '../../src/engine/protocol';
import { polygonContiguity } from '../../src/engine/aggregate/neighbours';
import { hasSharedData } from '../shared-data';
import { loadPolygons } from './aggregate-helpers';
import { asymmetricLinks, expectWellFormed, rowsOf, vertexRuleQueen } from './neighbours-helpers';

describe.skipIf(!hasSharedData)('contiguity on NYC boroughs and census tracts', () => {
  const engine = new Engine(nodePlatform);
  const shapes: Record<string, PolygonShapes> = {};
  let boroughs: string[] = [];

  beforeAll(async () => {
    await engine.init();
    const files = ['nyc_boroughs.geojson', 'nyc_census_tracts_2010.geojson', 'nyc_census_tracts_2010.parquet'];
    const ids = await loadPolygons(engine, files);
    ids.forEach((id, i) => (shapes[files[i]] = engine.polygons(id)!));
    boroughs = engine.connection.query(`SELECT name FROM "${ids[0]}" ORDER BY "__fid"`).toArray().map((r) => String(r.toJSON().name));
  });

  const check = (s: PolygonShapes) => {
    const queen = polygonContiguity(s, 'queen');
    const rook = polygonContiguity(s, 'rook');
    expectWellFormed(queen, s.featureCount);
    expectWellFormed(rook, s.featureCount);
    expect(asymmetricLinks(queen)).toBe(0);
    expect(asymmetricLinks(rook)).toBe(0);
    expect(rowsOf(queen)).toEqual(vertexRuleQueen(s, 0.5));
    const queenRows = rowsOf(queen).map((r) => new Set(r));
    expect(rowsOf(rook).flatMap((row, i) => row.filter((j) => !queenRows[i].has(j)).map((j) => `${i}–${j}`))).toEqual([]);
    return { queen: rowsOf(queen), rook: rowsOf(rook) };
  };

  it('boroughs: Brooklyn–Queens and Manhattan–Bronx (Marble Hill) share land borders; Staten Island touches none', () => {
    const { queen, rook } = check(shapes['nyc_boroughs.geojson']);
    const at = (name: string) => boroughs.indexOf(name);
    const named = (rows: number[][], name: string) => rows[at(name)].map((j) => boroughs[j]);
    for (const rows of [queen, rook]) {
      expect(named(rows, 'Brooklyn')).toContain('Queens');
      expect(named(rows, 'Manhattan')).toContain('Bronx');
      // Across the Narrows, Staten Island is ~1.5 km from Brooklyn: no other borough is near.
      expect(named(rows, 'Staten Island')).toEqual([]);
    }
  });

  it('2,166 tracts: queen is the vertex rule; GeoParquet and GeoJSON give the same lists', () => {
    const geojson = check(shapes['nyc_census_tracts_2010.geojson']);
    expect(geojson.queen.length).toBe(2_166);
    const parquet = shapes['nyc_census_tracts_2010.parquet'];
    expect(rowsOf(polygonContiguity(parquet, 'queen'))).toEqual(geojson.queen);
    expect(rowsOf(polygonContiguity(parquet, 'rook'))).toEqual(geojson.rook);
  });
});

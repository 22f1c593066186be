// A point layer's queries: exact text, DuckDB binds each against the fixture schema, and
// the marks group rows as they should on rows inserted in a rolled-back transaction.
import { describe, expect, it } from 'vitest';
import { pointMarksSql, topCategoriesSql } from '../../src/engine/sql';
import { explain, runRolledBack } from './sql-fixture';

const OK = '("lon" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90)';
const ROWS = [
  `INSERT INTO points (lon, lat, kind, num_bikes) VALUES (-73.5, 40.5, 'a', 2), (-73.5, 40.5, 'a', 2), (-73.5, 40.5, 'b', NULL), (-73, 41, 'c', 4), (NULL, 41, 'a', 1)`,
];

describe('point mark builders', () => {
  it('topCategoriesSql: most rows first, ties by value, only rows with a position', async () => {
    const sql = topCategoriesSql('points', 'lon', 'lat', 'kind', 10);
    expect(sql).toBe(`SELECT "kind"::VARCHAR AS k, count(*) AS n\nFROM "points"\nWHERE ${OK}\nGROUP BY 1\nORDER BY n DESC, k\nLIMIT 10`);
    await explain(sql);
    expect(await runRolledBack(topCategoriesSql('points', 'lon', 'lat', 'kind', 2), ROWS)).toEqual([
      { k: 'a', n: 2 },
      { k: 'b', n: 1 },
    ]);
  });

  it('pointMarksSql: offsets only', async () => {
    const sql = pointMarksSql({ table: 'points', lon: 'lon', lat: 'lat', origin: [-73.5, 40.5] });
    const inner = `SELECT ("lon" - -73.5)::FLOAT AS dx, ("lat" - 40.5)::FLOAT AS dy\nFROM "points"\nWHERE ${OK}`;
    expect(sql).toBe(`SELECT dx::DOUBLE AS dx, dy::DOUBLE AS dy, count(*)::DOUBLE AS n\nFROM (${inner})\nGROUP BY ALL`);
    await explain(sql);
    const marks = await runRolledBack(`${sql} ORDER BY n DESC`, ROWS);
    expect(marks).toEqual([
      { dx: 0, dy: 0, n: 3 },
      { dx: 0.5, dy: 0.5, n: 1 },
    ]);
  });

  it('pointMarksSql: numeric colour and size values, NaN for NULL', async () => {
    const sql = pointMarksSql({ table: 'points', lon: 'lon', lat: 'lat', origin: [0, 0], colour: { column: 'num_bikes' }, size: 'num_bikes' });
    const value = `coalesce("num_bikes"::DOUBLE, 'NaN'::DOUBLE)`;
    const inner = `SELECT ("lon" - 0)::FLOAT AS dx, ("lat" - 0)::FLOAT AS dy, ${value} AS colour_value, ${value} AS size_value\nFROM "points"\nWHERE ${OK}`;
    expect(sql).toBe(
      `SELECT dx::DOUBLE AS dx, dy::DOUBLE AS dy, colour_value::DOUBLE AS colour_value, size_value::DOUBLE AS size_value, count(*)::DOUBLE AS n\nFROM (${inner})\nGROUP BY ALL`,
    );
    await explain(sql);
    const marks = await runRolledBack(`SELECT colour_value, n FROM (${sql}) ORDER BY colour_value`, ROWS);
    expect(marks).toEqual([
      { colour_value: 2, n: 2 },
      { colour_value: 4, n: 1 },
      { colour_value: NaN, n: 1 },
    ]);
  });

  it('pointMarksSql: category index, the others sharing the next index', async () => {
    const sql = pointMarksSql({ table: 'points', lon: 'lon', lat: 'lat', origin: [0, 0], colour: { column: 'kind', categories: ['a', "it's"] } });
    const index = `(CASE "kind"::VARCHAR WHEN 'a' THEN 0 WHEN 'it''s' THEN 1 ELSE 2 END)::DOUBLE`;
    expect(sql).toContain(`${index} AS colour_value\nFROM "points"`);
    await explain(sql);
    const marks = await runRolledBack(`SELECT colour_value, sum(n) AS n FROM (${sql}) GROUP BY 1 ORDER BY 1`, ROWS);
    expect(marks).toEqual([
      { colour_value: 0, n: 2 },
      { colour_value: 2, n: 2 },
    ]);
    // No category at all (every value NULL): one class.
    expect(pointMarksSql({ table: 'points', lon: 'lon', lat: 'lat', origin: [0, 0], colour: { column: 'kind', categories: [] } })).toContain(
      '0::DOUBLE AS colour_value',
    );
  });
});

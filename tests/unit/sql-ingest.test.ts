// Queries a load runs: exact text, and DuckDB binds each against the fixture schema and
// file (run where the result says something, on rows inserted in a rolled-back transaction).
import { describe, expect, it } from 'vitest';
import {
  coordinateExtentSql,
  coordinateValuesSql,
  createTableAsSql,
  nonBlankText,
  positionalJoinSql,
  readCsvSql,
  sniffCsvSql,
  textSampleSql,
  textValuesSql,
} from '../../src/engine/sql';
import { explain, runRolledBack } from './sql-fixture';

describe('ingest builders', () => {
  it('positionalJoinSql puts row i of the extra table beside row i', async () => {
    const sql = positionalJoinSql('cells', 'polygons');
    expect(sql).toBe('SELECT t.*, e.* FROM "cells" t POSITIONAL JOIN "polygons" e');
    await explain(sql);
    const rows = await runRolledBack(sql, [`INSERT INTO cells VALUES (7), (8)`, `INSERT INTO polygons VALUES (0, 'a', 1), (1, 'b', 2)`]);
    expect(rows.map((r) => [r.__citylens_cell, r.name])).toEqual([[7, 'a'], [8, 'b']]);
  });

  it('readCsvSql: sample size, names as written, a delimiter when given', async () => {
    expect(readCsvSql('fixture.csv', { sampleSize: 20480 })).toBe(
      "SELECT * FROM read_csv('fixture.csv', sample_size = 20480, normalize_names = false)",
    );
    expect(readCsvSql("it's.csv", { sampleSize: -1, delimiter: ';' })).toBe(
      "SELECT * FROM read_csv('it''s.csv', sample_size = -1, normalize_names = false, delim = ';')",
    );
    const sql = readCsvSql('fixture.csv', { sampleSize: -1, delimiter: ',' });
    await explain(sql);
    expect(await runRolledBack(sql)).toEqual([
      { lon: -73.9, lat: 40.7, kind: 'a' },
      { lon: -73.8, lat: 40.6, kind: 'b' },
    ]);
    await runRolledBack(createTableAsSql('from_csv', sql));
  });

  it('sniffCsvSql', async () => {
    const sql = sniffCsvSql('fixture.csv', 20480);
    expect(sql).toBe("SELECT Delimiter AS d, HasHeader AS h FROM sniff_csv('fixture.csv', sample_size = 20480)");
    await explain(sql);
    expect(await runRolledBack(sql)).toEqual([{ d: ',', h: true }]);
  });

  it('nonBlankText and textSampleSql: trimmed, blanks left out', async () => {
    expect(nonBlankText('odd "name"')).toBe(`NULLIF(trim("odd ""name"""), '')`);
    const sql = textSampleSql('points', 'kind', 50);
    expect(sql).toBe(`SELECT trim("kind") AS v\nFROM "points"\nWHERE NULLIF(trim("kind"), '') IS NOT NULL\nLIMIT 50`);
    await explain(sql);
    const rows = await runRolledBack(textSampleSql('points', 'kind', 2), [`INSERT INTO points (kind) VALUES ('  '), (NULL), (' a '), ('b'), ('c')`]);
    expect(rows.map((r) => r.v)).toEqual(['a', 'b']);
  });

  it('textValuesSql and coordinateValuesSql', async () => {
    expect(textValuesSql('points', 'count_int')).toBe('SELECT "count_int"::VARCHAR AS v\nFROM "points"');
    expect(coordinateValuesSql('points', 'lon', 'lat')).toBe('SELECT "lon"::DOUBLE AS x, "lat"::DOUBLE AS y\nFROM "points"');
    await explain(textValuesSql('points', 'count_int'));
    await explain(coordinateValuesSql('points', 'count_int', 'num_bikes'));
  });

  it('coordinateExtentSql: extent of usable positions, unusable rows, values outside lon/lat', async () => {
    const ok = `"lon" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90`;
    const out = `isfinite("lon") AND isfinite("lat") AND (abs("lon") > 180 OR abs("lat") > 90)`;
    const sql = coordinateExtentSql('points', 'lon', 'lat');
    expect(sql).toBe(
      [
        `SELECT min("lon") FILTER (WHERE ${ok})::DOUBLE AS x0`,
        `min("lat") FILTER (WHERE ${ok})::DOUBLE AS y0`,
        `max("lon") FILTER (WHERE ${ok})::DOUBLE AS x1`,
        `max("lat") FILTER (WHERE ${ok})::DOUBLE AS y1`,
        `count(*) FILTER (WHERE ${ok})::DOUBLE AS valid`,
        `count(*) FILTER (WHERE NOT coalesce(${ok}, false))::DOUBLE AS invalid`,
        `count(*) FILTER (WHERE ${out})::DOUBLE AS outside`,
        `any_value("lon") FILTER (WHERE ${out})::DOUBLE AS ex`,
        `any_value("lat") FILTER (WHERE ${out})::DOUBLE AS ey`,
      ].join(', ') + '\nFROM "points"',
    );
    await explain(sql);
    const rows = await runRolledBack(sql, [
      `INSERT INTO points (lon, lat) VALUES (-74, 40.5), (-73, 41), (NULL, 40), ('NaN', 1), (500000, 4500000)`,
    ]);
    expect(rows).toEqual([{ x0: -74, y0: 40.5, x1: -73, y1: 41, valid: 2, invalid: 3, outside: 1, ex: 500000, ey: 4500000 }]);
  });
});

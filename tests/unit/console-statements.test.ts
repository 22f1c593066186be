// Which statements the console runs, decided over DuckDB's own tokens: every refused
// kind gets its own code (and English words for it), in the place it names; comments,
// strings and quoted names never fool it; DuckDB's error pictures map back to the text.
import { describe, expect, it } from 'vitest';
import { classifyStatement } from '../../src/engine/console/statements';
import { tokensOf, type ScriptTokens } from '../../src/engine/console/tokens';
import { duckdbError } from '../../src/engine/console/error-position';
import { consoleMemoryLimit, parseDuckDBSize } from '../../src/engine/console/memory-limit';
import { en } from '../../src/i18n/en';
import { fixtureEngine } from './sql-fixture';

async function classify(sql: string) {
  const engine = await fixtureEngine();
  return classifyStatement(sql, tokensOf(sql, engine.bindings.tokenize(sql) as ScriptTokens));
}

/** The refusal's code and the text its range covers. */
async function refusal(sql: string): Promise<[string, string | null]> {
  const c = await classify(sql);
  if (c.ok) throw new Error(`${sql} was allowed`);
  return [c.code, c.range ? sql.slice(c.range.from, c.range.to) : null];
}

describe('console statements', () => {
  it('allows queries, EXPLAIN of a query and CREATE TABLE/VIEW in scratch, up to their semicolon', async () => {
    const kinds: [string, string][] = [
      ['SELECT 1', 'query'],
      ['  with a AS (SELECT 1) SELECT * FROM a;  -- done', 'query'],
      ['WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) (SELECT * FROM t)', 'query'],
      ['FROM points', 'query'],
      ['VALUES (1), (2)', 'query'],
      ['(SELECT 1)', 'query'],
      ['DESCRIBE points', 'query'],
      ['SUMMARIZE SELECT * FROM points', 'query'],
      ['SHOW TABLES', 'query'],
      ['PIVOT points ON kind USING count(*)', 'query'],
      ['EXPLAIN SELECT 1', 'explain'],
      ['EXPLAIN ANALYZE SELECT 1', 'explain'],
      ['CREATE TABLE scratch.t AS SELECT 1', 'create'],
      ['create or replace view "Scratch"."My View" as from points', 'create'],
      ['CREATE TABLE IF NOT EXISTS memory.scratch.t (a INTEGER, b VARCHAR)', 'create'],
    ];
    for (const [sql, kind] of kinds) {
      const c = await classify(sql);
      expect([sql, c.ok ? c.kind : c.code]).toEqual([sql, kind]);
    }
    const semi = await classify("SELECT ';' AS a; /* trailing */ ");
    expect(semi).toEqual({ ok: true, kind: 'query', end: 15 });
    expect(await classify('CREATE VIEW scratch."My View" AS SELECT 1')).toMatchObject({ target: { schema: 'scratch', name: 'My View', kind: 'view' } });
  });

  it('refuses each other kind with its own code, pointing at its first word', async () => {
    const cases: [string, string, string | null][] = [
      ['DROP TABLE points', 'console-refused-drop', 'DROP'],
      ['alter table points rename to p', 'console-refused-alter', 'alter'],
      ['INSTALL spatial', 'console-refused-install', 'INSTALL'],
      ['FORCE INSTALL spatial', 'console-refused-install', 'FORCE'],
      ['LOAD spatial', 'console-refused-load', 'LOAD'],
      ["ATTACH 'x.db' AS x", 'console-refused-attach', 'ATTACH'],
      ['DETACH x', 'console-refused-attach', 'DETACH'],
      ['SET threads = 4', 'console-refused-set', 'SET'],
      ['RESET memory_limit', 'console-refused-set', 'RESET'],
      ['PRAGMA database_size', 'console-refused-pragma', 'PRAGMA'],
      ['CALL pragma_version()', 'console-refused-pragma', 'CALL'],
      ["COPY points TO 'out.csv'", 'console-refused-copy', 'COPY'],
      ["EXPORT DATABASE 'dir'", 'console-refused-export', 'EXPORT'],
      ['INSERT INTO points (lon) VALUES (1)', 'console-refused-write', 'INSERT'],
      ['UPDATE points SET lon = 0', 'console-refused-write', 'UPDATE'],
      ['DELETE FROM points', 'console-refused-write', 'DELETE'],
      ['WITH a AS (SELECT 1) DELETE FROM points', 'console-refused-write', 'DELETE'],
      ['WITH a AS MATERIALIZED (SELECT 1) INSERT INTO points FROM a', 'console-refused-write', 'INSERT'],
      ['SELECT 1; DROP TABLE points', 'console-refused-multiple', 'DROP TABLE points'],
      ['   -- nothing but a comment\n', 'console-refused-empty', null],
      ['CREATE TABLE t AS SELECT 1', 'console-refused-schema', 't'],
      ['CREATE TABLE main.t AS SELECT 1', 'console-refused-schema', 'main.t'],
      ['CREATE TEMP TABLE t AS SELECT 1', 'console-refused-schema', 'TEMP'],
      ['CREATE MACRO scratch.m(x) AS x + 1', 'console-refused-create', 'CREATE MACRO'],
      ['CREATE SCHEMA s', 'console-refused-create', 'CREATE SCHEMA'],
      ['CREATE TABLE scratch.t AS WITH a AS (SELECT 1) DELETE FROM points', 'console-refused-write', 'DELETE'],
      ['EXPLAIN ANALYZE DELETE FROM points', 'console-refused-write', 'DELETE'],
      ['EXPLAIN CREATE TABLE scratch.t AS SELECT 1', 'console-refused-explain', 'CREATE'],
      ['CHECKPOINT', 'console-refused-statement', 'CHECKPOINT'],
      ['BEGIN TRANSACTION', 'console-refused-statement', 'BEGIN'],
    ];
    for (const [sql, code, at] of cases) expect([sql, ...(await refusal(sql))]).toEqual([sql, code, at]);
    for (const code of new Set(cases.map((c) => c[1]))) expect(`engine.${code}` in en, code).toBe(true);
  });

  it('is not fooled by strings, quoted names, comments or dollar quoting', async () => {
    expect((await classify("SELECT 'DROP TABLE points; DELETE'"))).toMatchObject({ ok: true, kind: 'query' });
    expect((await classify('SELECT 1 AS "x;DROP" -- ; DROP TABLE points'))).toMatchObject({ ok: true, kind: 'query' });
    expect((await classify('SELECT $$;DROP$$ /* ; */'))).toMatchObject({ ok: true, kind: 'query' });
    expect(await refusal('/* SELECT */ DROP TABLE points')).toEqual(['console-refused-drop', 'DROP']);
    expect(await refusal('"select" FROM points')).toEqual(['console-refused-statement', '"select"']);
  });
});

describe("DuckDB's error positions", () => {
  it('maps LINE n and its caret to the user text, after a wrapper line', () => {
    const text = 'SELECT a,\n  nope FROM t';
    const message = 'Binder Error: Referenced column "nope" not found\n\nLINE 3:   nope FROM t\n          ^';
    expect(duckdbError(message, text, 'CREATE X AS FROM (\n')).toEqual({ detail: 'Binder Error: Referenced column "nope" not found', range: { from: 12, to: 16 } });
  });

  it('finds a position in a line DuckDB cut short with "..."', () => {
    const text = `SELECT ${'a'.repeat(100)}, nope FROM t`;
    const message = `Binder Error: x\n\nLINE 1: ...${'a'.repeat(60)}, nope FROM t\n${' '.repeat(8 + 3 + 62)}^`;
    const r = duckdbError(message, text, '');
    expect(text.slice(r.range!.from, r.range!.to)).toBe('nope');
  });

  it('reads the JSON form, its byte position past the wrapper, and marks a string literal whole', () => {
    const text = "SELECT 'é' = 1, i FROM t WHERE i = 'x'";
    const at = new TextEncoder().encode(text.slice(0, text.lastIndexOf("'x'"))).length;
    const message = JSON.stringify({ exception_type: 'Conversion', exception_message: 'Could not convert', position: String(at + 5) });
    expect(duckdbError(message, text, 'ABCD\n')).toEqual({ detail: 'Conversion Error: Could not convert', range: { from: text.length - 3, to: text.length } });
  });

  it('points "end of input" at the last character, and names nothing when DuckDB does not', () => {
    expect(duckdbError('Parser Error: syntax error at end of input', 'SELECT 1 +  ', '')).toEqual({ detail: 'Parser Error: syntax error at end of input', range: { from: 9, to: 10 } });
    expect(duckdbError('Out of Memory Error: could not allocate', 'SELECT 1', '')).toEqual({ detail: 'Out of Memory Error: could not allocate', range: null });
  });
});

describe('console memory limit', () => {
  it('reads DuckDB sizes and caps used + headroom at the engine limit', () => {
    expect(parseDuckDBSize('3.1 GiB')).toBeCloseTo(3.1 * 1024 ** 3, 0);
    expect(parseDuckDBSize('117.7 MiB')).toBeCloseTo(117.7 * 1024 ** 2, 0);
    expect(parseDuckDBSize('0 bytes')).toBe(0);
    expect(parseDuckDBSize('lots')).toBeNull();
    expect(consoleMemoryLimit(100, 10_000, 1000)).toBe(1100);
    expect(consoleMemoryLimit(9_500, 10_000, 1000)).toBe(10_000);
    expect(consoleMemoryLimit(100, null, 1000)).toBe(1100);
  });
});

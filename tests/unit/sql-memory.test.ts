// The memory statements: their exact text, and that DuckDB binds them.
import { describe, expect, it } from 'vitest';
import { databaseSizeSql, memoryByTagSql } from '../../src/engine/sql';
import { explain } from './sql-fixture';

describe('memory SQL', () => {
  it('reads memory per tag from duckdb_memory()', async () => {
    expect(memoryByTagSql()).toBe('SELECT tag, memory_usage_bytes::DOUBLE AS bytes\nFROM duckdb_memory()');
    await explain(memoryByTagSql());
  });

  it('reads the database size through pragma_database_size()', async () => {
    expect(databaseSizeSql()).toBe('SELECT memory_usage, memory_limit\nFROM pragma_database_size()');
    await explain(databaseSizeSql());
  });
});

// The SQL console's state in the engine: its own DuckDB connection (so a statement
// pending across turns of the message loop never meets the engine's other queries on
// one connection), the scratch schema on its search path, and the last result, kept
// in a temporary table of that connection until the next statement replaces it.
import type { DuckDBConnection } from '../duckdb-types';
import type { Engine } from '../engine';
import type { ColumnInfo, ConsoleStatementKind } from '../protocol';
import { createSchemaSql, currentSettingSql, setSql } from '../sql';
import { parseDuckDBSize } from './memory-limit';
import { SCRATCH_SCHEMA } from './statements';
import { tokensOf, type ScriptTokens, type Token } from './tokens';

/** The temporary table that holds the last query's rows (temporary tables are per connection). */
export const RESULT_TABLE = '__citylens_console_result';

/** The last statement's result. */
export interface LastResult {
  kind: ConsoleStatementKind;
  columns: ColumnInfo[];
  rows: number;
  /** Where the rows are: the result table, or (EXPLAIN: a few rows of text) an Arrow IPC stream. */
  source: { table: string } | { ipc: Uint8Array };
}

/** The console of one engine. */
export class ConsoleSession {
  private conn: DuckDBConnection | null = null;
  /** The last statement's rows; null before the first and after one without rows (CREATE). */
  last: LastResult | null = null;
  /** Statements run, for names of added datasets. */
  runs = 0;
  /**
   * The engine's memory limit in bytes, restored after every statement; null when DuckDB's
   * text could not be read. (RESET memory_limit resets the setting but not the buffer
   * pool's limit, so the value is set back explicitly.)
   */
  engineMemoryLimit: number | null = null;

  constructor(readonly engine: Engine) {}

  /** The console's connection, opened on first use with scratch on its search path. */
  connection(): DuckDBConnection {
    if (!this.conn) {
      const conn = this.engine.bindings.connect();
      conn.query(createSchemaSql(SCRATCH_SCHEMA));
      conn.query(setSql('search_path', `main,${SCRATCH_SCHEMA}`));
      // DuckDB prints its limit rounded ("3.1 GiB"): set to that once, it is exact from then on.
      this.engineMemoryLimit = parseDuckDBSize(String(conn.query(currentSettingSql('memory_limit')).getChild('v')!.get(0)));
      if (this.engineMemoryLimit !== null) conn.query(setSql('memory_limit', `${this.engineMemoryLimit} bytes`));
      this.conn = conn;
    }
    return this.conn;
  }

  /** DuckDB's tokens of `text`. */
  tokenize(text: string): Token[] {
    return tokensOf(text, this.engine.bindings.tokenize(text) as ScriptTokens);
  }
}

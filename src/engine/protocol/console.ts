// The SQL console and "show method": requests and answers (src/engine/console/). Part
// of the engine contract (protocol/index.ts).
//
// Vocabulary
// - statement: the user's one SQL statement, run by runUserSql, the only place raw user
//   SQL reaches DuckDB. Allowed: SELECT (and WITH, FROM-first, VALUES, TABLE, PIVOT),
//   DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, and CREATE TABLE/VIEW in schema `scratch`.
// - result: the rows of the last statement run, kept in the engine until the next run,
//   so exports and "Add to map" read them without running the statement again.
// - range: a span of the statement's text in UTF-16 code units (the editor's unit).
// - holder: who pins the tables a method reads ("console", a layer id): pinned tables
//   are not dropped while any holder pins them.
import type { EngineMessage } from '../messages';
import type { LayerQuery } from './layer';

/** Run one statement; at most `maxRows` rows (default CONSOLE_MAX_ROWS) come back for the table. */
export interface ConsoleRunRequest {
  sql: string;
  maxRows?: number;
}

/** Rows the table gets by default; exports always have every row. */
export const CONSOLE_MAX_ROWS = 250_000;

/** A span of the statement text [from, to), in UTF-16 code units. */
export interface TextRange {
  from: number;
  to: number;
}

/** A column of a result: its name and DuckDB type ("BIGINT", "VARCHAR", …). */
export interface ConsoleColumn {
  name: string;
  type: string;
}

/** What kind of statement ran. */
export type ConsoleStatementKind = 'query' | 'explain' | 'create';

/** How a result can go on the map (see ConsoleAddRequest); the first that applies is offered. */
export type ConsoleMapping =
  | { kind: 'lonlat'; lon: string; lat: string }
  | { kind: 'wkt'; column: string }
  | { kind: 'wkb'; column: string }
  | { kind: 'h3'; column: string }
  | { kind: 'join'; column: string; dataset: string; key: string };

/** A statement that ran. */
export interface ConsoleRows {
  ok: true;
  kind: ConsoleStatementKind;
  columns: ConsoleColumn[];
  /**
   * The first `rowsShown` rows as an Arrow IPC stream of text columns (every value cast
   * to VARCHAR by DuckDB, NULL stays null), one column per `columns` entry.
   */
  ipc: Uint8Array;
  rowsShown: number;
  /** Rows of the whole result (exports have them all). */
  rowsTotal: number;
  /** Milliseconds from start to the result being ready, as DuckDB ran it. */
  ms: number;
  /** The ways this result could be added to the map, best first. */
  mappings: ConsoleMapping[];
  /** CREATE: the table or view made, as schema.name; else null. */
  created: { schema: string; name: string; kind: 'table' | 'view' } | null;
}

/** A statement that was refused or failed; the loaded data is as it was. */
export interface ConsoleFailure {
  ok: false;
  /** console-refused-* (refused before running) or console-error (DuckDB's own message as `detail`). */
  error: EngineMessage;
  /** Where in the text the problem is; null when nobody says. */
  range: TextRange | null;
}

/** The answer to a console-run request. */
export type ConsoleRun = ConsoleRows | ConsoleFailure;

/** Export the last result, every row. */
export interface ConsoleExportRequest {
  format: 'csv' | 'parquet';
}

/** An exported result: the file's bytes (transferred) and a suggested name. */
export interface ConsoleExport {
  bytes: Uint8Array;
  fileName: string;
  rows: number;
}

/** Add the last result to the map as a dataset whose source is the SQL console. */
export interface ConsoleAddRequest {
  mapping: ConsoleMapping;
  /** The dataset's display name. */
  name: string;
  /** Where the dataset says it came from (the UI's words for "SQL console"). */
  source: string;
}

/** A table or view in schema scratch, with its columns. */
export interface ScratchTable {
  name: string;
  kind: 'table' | 'view';
  columns: ConsoleColumn[];
}

/** One step of a layer's method, in the order it runs. */
export type MethodStep =
  /** A statement whose rows feed the next step (e.g. the categories that get colours). */
  | { kind: 'sql'; sql: string }
  /** A step that runs in JavaScript, as a code the catalogue words (H3 assignment, point-in-polygon, …). */
  | { kind: 'js'; message: EngineMessage };

/** A named parameter of a method; the UI words `name` from its catalogue (method.param.<name>). */
export interface MethodParam {
  name: string;
  value: string | number;
}

/**
 * How a layer was made. `sql` is one statement the console runs as it is; its rows are
 * the layer's numbers, exactly (NULL where the layer suppresses a cell). `steps` are what
 * ran before it; `tables` the engine tables it reads, pinned for the request's holder.
 */
export interface LayerMethod {
  layer: LayerQuery['kind'];
  sql: string;
  steps: MethodStep[];
  params: MethodParam[];
  tables: string[];
}

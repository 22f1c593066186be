// runUserSql: the one place where SQL a person typed reaches DuckDB. The statement is
// classified over DuckDB's own tokens (statements.ts) and refused unless allowed; it
// runs on the console's connection through the pending-query API (cancellable between
// slices), under a memory limit that is reset afterwards; a query's rows land in the
// console's temporary result table, and the first rows come back as DuckDB's own text.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { ConsoleRun, ConsoleRunRequest } from '../protocol';
import { CONSOLE_MAX_ROWS } from '../protocol';
import { message } from '../messages';
import { isAbortError } from '../abort';
import { consoleResultSql, memoryUsedSql, resetSql, rowCountSql, setSql, textRowsSql } from '../sql';
import { describeColumns } from '../describe';
import { classifyStatement } from './statements';
import { duckdbError } from './error-position';
import { consoleMemoryLimit } from './memory-limit';
import { concat, runPending } from './pending';
import { resultMappings } from './mappings';
import { RESULT_TABLE, type ConsoleSession } from './session';

/** Run the user's statement `request.sql`; refusals and DuckDB's errors are answers, a cancel rejects (AbortError). */
export async function runUserSql(session: ConsoleSession, request: ConsoleRunRequest, signal: AbortSignal): Promise<ConsoleRun> {
  const t0 = performance.now();
  const { sql } = request;
  const maxRows = Math.max(0, Math.floor(request.maxRows ?? CONSOLE_MAX_ROWS));
  let tokens;
  try {
    tokens = session.tokenize(sql);
  } catch (err) {
    const e = duckdbError((err as Error).message, sql, '');
    return { ok: false, error: message('console-error', { detail: e.detail }), range: e.range };
  }
  const statement = classifyStatement(sql, tokens);
  if (!statement.ok) return { ok: false, error: message(statement.code, statement.params), range: statement.range };
  const text = sql.slice(0, statement.end);
  const conn = session.connection();
  session.runs++;
  session.last = null;
  if (statement.kind === 'query') {
    // Parsed and bound alone first (prepared, not run), so DuckDB's parser and binder
    // errors point into the user's own text and never at the wrapper around it.
    try {
      conn.prepare(text).close();
    } catch (err) {
      const e = duckdbError((err as Error).message, sql, '');
      return { ok: false, error: message('console-error', { detail: e.detail }), range: e.range };
    }
  }

  const used = Number(conn.query(memoryUsedSql()).getChild('b')!.get(0));
  const engineLimit = session.engineMemoryLimit;
  conn.query(setSql('memory_limit', `${consoleMemoryLimit(used, engineLimit)} bytes`));
  let explained: Uint8Array | null = null;
  // The wrapper is a line before the user's text and "\n)" after it.
  const wrapped = consoleResultSql(RESULT_TABLE, text);
  try {
    if (statement.kind === 'query') await runPending(conn, wrapped, { signal });
    else explained = await runPending(conn, text, { signal });
  } catch (err) {
    if (isAbortError(err) || signal.aborted) throw err;
    // A query ran inside the wrapper, which comes before the user's text.
    const e = duckdbError((err as Error).message, sql, statement.kind === 'query' ? wrapped.slice(0, wrapped.length - text.length - 2) : '');
    return { ok: false, error: message('console-error', { detail: e.detail }), range: e.range };
  } finally {
    // The engine's own limit again (or DuckDB's default when it could not be read).
    conn.query(engineLimit === null ? resetSql('memory_limit') : setSql('memory_limit', `${engineLimit} bytes`));
  }

  if (statement.kind === 'create') {
    return { ok: true, kind: 'create', columns: [], ipc: new Uint8Array(0), rowsShown: 0, rowsTotal: 0, ms: performance.now() - t0, mappings: [], created: statement.target };
  }
  if (statement.kind === 'explain') {
    // A plan is a few rows of text: kept as it came.
    const table = tableFromIPC(explained!);
    const columns = table.schema.fields.map((f) => ({ name: f.name, type: 'VARCHAR', kind: 'string' as const }));
    const ipc = tableToIPC(table, 'stream');
    session.last = { kind: 'explain', columns, rows: table.numRows, source: { ipc } };
    return { ok: true, kind: 'explain', columns: columns.map(({ name, type }) => ({ name, type })), ipc: ipc.slice(), rowsShown: table.numRows, rowsTotal: table.numRows, ms: performance.now() - t0, mappings: [], created: null };
  }
  const columns = describeColumns(conn, RESULT_TABLE).map((c) => ({ ...c, internal: undefined }));
  const rowsTotal = Number(conn.query(rowCountSql(RESULT_TABLE)).getChild('n')!.get(0));
  // Raw bytes from DuckDB: its Arrow objects may come from another copy of apache-arrow.
  const shownIpc = withEndOfStream((await runPending(conn, textRowsSql(RESULT_TABLE, maxRows), { signal }))!);
  const rowsShown = tableFromIPC(shownIpc).numRows;
  session.last = { kind: 'query', columns, rows: rowsTotal, source: { table: RESULT_TABLE } };
  const mappings = resultMappings(conn, RESULT_TABLE, columns, session.engine.listDatasets());
  return {
    ok: true,
    kind: 'query',
    columns: columns.map(({ name, type }) => ({ name, type })),
    ipc: shownIpc,
    rowsShown,
    rowsTotal,
    ms: performance.now() - t0,
    mappings,
    created: null,
  };
}

/** An Arrow IPC stream with its end-of-stream marker (continuation, zero length), as DuckDB leaves it out. */
function withEndOfStream(ipc: Uint8Array): Uint8Array {
  return concat([ipc, Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0)]);
}

// The console's request handlers (src/engine/console/ does the work): run, export, add
// to the map, the scratch schema, pins; and 'layer-method' (layer-method.ts).
import type { Answer, RequestOf } from '../protocol';
import { runUserSql } from '../console/run-user-sql';
import { exportResult } from '../console/export';
import { addResult } from '../console/add-to-map';
import { scratchTables } from '../console/scratch-tables';
import type { Aggregator } from '../aggregate/aggregator';
import type { ConsoleSession } from '../console/session';
import type { GeometryCache } from './geometry-cache';

/** What the console handlers use of the service context (handlers.ts's ServiceContext has it). */
export interface ConsoleContext {
  sqlConsole: ConsoleSession;
  aggregator: Aggregator;
  geometry: GeometryCache;
  signal: AbortSignal;
}

export const consoleHandlers = {
  'console-run': async (request: RequestOf<'console-run'>, { sqlConsole, signal }: ConsoleContext): Promise<Answer<'console-run'>> => ({
    request,
    sql: request.sql,
    method: null,
    value: await runUserSql(sqlConsole, request, signal),
  }),
  'console-export': async (request: RequestOf<'console-export'>, { sqlConsole, signal }: ConsoleContext): Promise<Answer<'console-export'>> => ({
    request,
    sql: null,
    method: null,
    value: await exportResult(sqlConsole, request, signal),
  }),
  'console-add': async (request: RequestOf<'console-add'>, { sqlConsole, aggregator, geometry, signal }: ConsoleContext): Promise<Answer<'console-add'>> => {
    const info = await addResult(sqlConsole, request, signal);
    // As after any load: fresh geometry keys, and a point dataset's positions indexed.
    geometry.reset(info.id);
    aggregator.prepare(info);
    return { request, sql: null, method: null, value: info };
  },
  'console-schema': (request: RequestOf<'console-schema'>, { sqlConsole }: ConsoleContext): Answer<'console-schema'> => ({
    request,
    sql: null,
    method: null,
    value: scratchTables(sqlConsole),
  }),
  'console-pin': (request: RequestOf<'console-pin'>, { aggregator }: ConsoleContext): Answer<'console-pin'> => ({
    request,
    sql: null,
    method: null,
    value: aggregator.pin(request.holder, request.tables),
  }),
};

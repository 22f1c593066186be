// One handler per request type: the dispatch table behind EngineApi.query. The mapped
// type makes a missing handler a compile error, and the table's keys are the typed
// answer to a 'capabilities' request.
import type { Engine } from '../engine';
import type { Aggregator } from '../aggregate/aggregator';
import type { Analysis } from '../analysis';
import type { Answer, RequestOf, RequestType } from '../protocol';
import { message } from '../messages';
import type { GeometryCache } from './geometry-cache';
import { layerAnswer } from './layer';
import { engineMemory, MEMORY_SQL } from './memory';
import { copyArrays } from './transfer';
import type { ConsoleSession } from '../console/session';
import { consoleHandlers } from './console';
import { layerMethodAnswer } from './layer-method';
import { layerExportAnswer } from './layer-export';
import { playbackDomainAnswer } from './playback-domain';
import { cellSeriesAnswer } from './cell-series';
import { EngineError } from '../engine-error';

/** What every handler works with; `signal` aborts when the request is cancelled while it runs. */
export interface ServiceContext {
  engine: Engine;
  aggregator: Aggregator;
  analysis: Analysis;
  geometry: GeometryCache;
  /** The SQL console's connection and last result. */
  sqlConsole: ConsoleSession;
  signal: AbortSignal;
}

type Handler<T extends RequestType> = (request: RequestOf<T>, ctx: ServiceContext) => Answer<T> | Promise<Answer<T>>;

const handlers: { [T in RequestType]: Handler<T> } = {
  datasets: (request, { engine }) => ({ request, sql: null, method: message('method-datasets'), value: engine.listDatasets() }),
  rename: (request, { engine }) => ({
    request,
    sql: null,
    method: message('method-rename', { dataset: request.dataset, name: request.name }),
    value: engine.renameDataset(request.dataset, request.name),
  }),
  remove: (request, { engine, aggregator, analysis, geometry }) => {
    aggregator.forget(request.dataset);
    analysis.forget(request.dataset);
    engine.removeDataset(request.dataset);
    geometry.reset(request.dataset);
    return { request, sql: null, method: message('method-remove', { dataset: request.dataset }), value: null };
  },
  memory: (request, { engine }) => ({
    request,
    sql: MEMORY_SQL.join('\n\n'),
    method: null,
    value: engineMemory(engine.connection, engine.parquetWasmBytes()),
  }),
  capabilities: (request) => {
    const value = requestTypes();
    return { request, sql: null, method: message('method-capabilities', { count: value.length }), value };
  },
  aggregate: async (request, { aggregator }) => {
    const value = await aggregator.aggregate(request);
    return { request, sql: value.sql, method: value.method, value };
  },
  hotspots: async (request, { analysis }) => {
    const value = await analysis.hotspots(request);
    return { request, sql: value.sql, method: value.method, value };
  },
  compare: async (request, { analysis }) => {
    const value = await analysis.compare(request);
    return { request, sql: value.sql, method: value.method, value };
  },
  'time-bins': async (request, { aggregator }) => {
    const { zone } = request;
    const value = zone !== undefined ? await aggregator.zonedTimeBins({ ...request, zone }) : aggregator.timeBins(request);
    return { request, sql: value.sql, method: null, value };
  },
  'playback-domain': playbackDomainAnswer,
  'cell-series': cellSeriesAnswer,
  'point-marks': (request, { engine }) => {
    const value = engine.pointMarks(request);
    return { request, sql: value.sql, method: null, value };
  },
  // The engine keeps its shapes for later requests: the answer carries copies.
  polygons: (request, { engine }) => {
    const shapes = engine.polygons(request.dataset);
    const method = message('method-shapes', { features: shapes?.featureCount ?? 0 });
    return { request, sql: null, method, value: shapes && copyArrays(shapes) };
  },
  lines: (request, { engine }) => {
    const shapes = engine.lines(request.dataset);
    const method = message('method-shapes', { features: shapes?.featureCount ?? 0 });
    return { request, sql: null, method, value: shapes && copyArrays(shapes) };
  },
  layer: layerAnswer,
  ...consoleHandlers,
  'layer-method': layerMethodAnswer,
  'layer-export': layerExportAnswer,
};

/** The request types this engine answers. */
export function requestTypes(): RequestType[] {
  // The table's keys are exactly RequestType (its mapped type says so); Object.keys says string.
  return Object.keys(handlers) as RequestType[];
}

/** Answer one request with its handler; an unknown type is refused by name. */
export async function dispatch<T extends RequestType>(request: RequestOf<T>, ctx: ServiceContext): Promise<Answer<T>> {
  const type = request.type as T;
  if (!Object.hasOwn(handlers, type)) throw new EngineError('request-type-unknown', { type: String(type) });
  const handler: Handler<T> = handlers[type];
  return handler(request, ctx);
}

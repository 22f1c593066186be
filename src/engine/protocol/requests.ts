// Every request the engine answers, as one union keyed by `type`, and one result type
// per request type (EngineResults). Part of the engine contract (protocol/index.ts).
// An answer always carries the request that made it and the SQL or method behind it.
import type { EngineMessage } from '../messages';
import type { AggregateRequest, AggregateResult, TimeBinsRequest, TimeBinsResult } from './aggregate';
import type { CompareRequest, CompareResult, HotspotRequest, HotspotResult } from './analysis';
import type { ConsoleAddRequest, ConsoleExport, ConsoleExportRequest, ConsoleRun, ConsoleRunRequest, LayerMethod, ScratchTable } from './console';
import type { DatasetInfo } from './dataset';
import type { EngineMemory } from './engine';
import type { LayerQuery, LayerResult } from './layer';
import type { LayerExport, LayerExportRequest } from './layer-export';
import type { PointMarks, PointMarksRequest } from './point-marks';
import type { CellSeries, CellSeriesRequest, PlaybackDomain, PlaybackDomainRequest } from './playback';
import type { LineShapes, PolygonShapes } from './shapes';

/** A request to the engine (see EngineResults for what each type answers). */
export type EngineRequest =
  | { type: 'datasets' }
  | { type: 'rename'; dataset: string; name: string }
  | { type: 'remove'; dataset: string }
  | { type: 'memory' }
  | { type: 'capabilities' }
  | ({ type: 'aggregate' } & AggregateRequest)
  | ({ type: 'hotspots' } & HotspotRequest)
  | ({ type: 'compare' } & CompareRequest)
  | ({ type: 'time-bins' } & TimeBinsRequest)
  /** The fixed colour scale of a playback, over every window. */
  | ({ type: 'playback-domain' } & PlaybackDomainRequest)
  /** One cell's statistic per bin against the city's (the drill-down). */
  | ({ type: 'cell-series' } & CellSeriesRequest)
  | ({ type: 'point-marks' } & PointMarksRequest)
  | { type: 'polygons'; dataset: string }
  | { type: 'lines'; dataset: string }
  /** `have`: geometry keys the caller already holds; their geometry is left out of the answer. */
  | { type: 'layer'; layer: LayerQuery; have?: string[] }
  /** The SQL console (src/engine/console/): user SQL runs only through these. */
  | ({ type: 'console-run' } & ConsoleRunRequest)
  | ({ type: 'console-export' } & ConsoleExportRequest)
  | ({ type: 'console-add' } & ConsoleAddRequest)
  | { type: 'console-schema' }
  /** Pin `tables` for `holder` (replacing what it pinned before; [] releases). */
  | { type: 'console-pin'; holder: string; tables: string[] }
  /** How a layer was made, its tables pinned for `holder` (see LayerMethod). */
  | { type: 'layer-method'; layer: LayerQuery; holder: string }
  /** A cell layer's table as a CSV, GeoJSON or Parquet file, written in the worker. */
  | ({ type: 'layer-export' } & LayerExportRequest);

/** The name of a request type: 'aggregate', 'layer', … */
export type RequestType = EngineRequest['type'];

/** The request of one type. */
export type RequestOf<T extends RequestType> = Extract<EngineRequest, { type: T }>;

/** What each request type answers with. */
export interface EngineResults {
  /** Every loaded dataset, in load order. */
  datasets: DatasetInfo[];
  /** The renamed dataset (its id, the table name, stays). */
  rename: DatasetInfo;
  /** Nothing: the dataset, its table and every cache of it are gone. */
  remove: null;
  /** Memory held by DuckDB and the worker's wasm modules. */
  memory: EngineMemory;
  /** The request types this engine answers, so callers (the benchmark) can probe features. */
  capabilities: RequestType[];
  /** Points aggregated into grid/hexagon/H3 cells or districts. */
  aggregate: AggregateResult;
  /** Getis-Ord Gi* z, p and FDR classes over an aggregate's cells or districts. */
  hotspots: HotspotResult;
  /** Before/after per cell or district, tested. */
  compare: CompareResult;
  /** Time bins (hour/day/week/month) or profiles (hour of day, day of week). */
  'time-bins': TimeBinsResult;
  /** One colour scale for every frame of a playback. */
  'playback-domain': PlaybackDomain;
  /** A cell's series, the city's, and the cell's hour × weekday grid. */
  'cell-series': CellSeries;
  /** A point layer's marks: every row, identical ones merged into one mark with a count. */
  'point-marks': PointMarks;
  /** The polygons of a polygon (or mixed) dataset, feature i = row i; null when it has none. */
  polygons: PolygonShapes | null;
  /** The lines of a line (or mixed) dataset, feature i = row i; null when it has none. */
  lines: LineShapes | null;
  /** Everything one layer draws. */
  layer: LayerResult;
  /** The statement's rows (as text, capped), or why it was refused or failed. */
  'console-run': ConsoleRun;
  /** The last result as a CSV or Parquet file, every row. */
  'console-export': ConsoleExport;
  /** The dataset made from the last result (its source is "SQL console"). */
  'console-add': DatasetInfo;
  /** The tables and views in schema scratch. */
  'console-schema': ScratchTable[];
  /** Every table pinned now, by any holder. */
  'console-pin': string[];
  /** How the layer was made: one statement that gives its numbers, the steps before it. */
  'layer-method': LayerMethod;
  /** The layer's table as a file. */
  'layer-export': LayerExport;
}

/** The answer to a request of type T. */
export interface Answer<T extends RequestType> {
  /** The request this answers, as it was received. */
  request: RequestOf<T>;
  /** The SQL that produced the value (statements separated by blank lines); null when none ran. */
  sql: string | null;
  /** How the value was made where SQL alone does not say: a code the UI words; null when SQL says it all. */
  method: EngineMessage | null;
  value: EngineResults[T];
}

/** The answer to request R (to each member of a union of requests, its own answer). */
export type ResultOf<R extends EngineRequest> = R extends EngineRequest ? Answer<R['type']> : never;

/** Any answer: the union of every request type's answer. */
export type EngineAnswer = ResultOf<EngineRequest>;

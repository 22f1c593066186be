// The one contract between the main thread and the engine worker: every request the
// UI can make, with its answer (requests.ts), and the engine's remote methods (api.ts).
// Both sides import these types. Large results are typed arrays that the worker
// transfers, never arrays of per-row objects.
export type { BBox } from './base';
export type {
  ColumnKind,
  ColumnInfo,
  GeometryKind,
  GeometryInfo,
  GeometryCounts,
  TimeColumnInfo,
  TimeRange,
  DatasetInfo,
  DataFormat,
  LoadOptions,
  LoadProgress,
} from './dataset';
export type { EngineInit, EngineStatus, EngineMemory } from './engine';
export type {
  AggregateBy,
  AggregateStat,
  AggregateFilter,
  TimeWindow,
  AggregateRequest,
  AggregateResult,
  AggregateBins,
  CalendarBin,
  HourRange,
  TimeBin,
  TimeBinsRequest,
  TimeBinsResult,
} from './aggregate';
export type {
  NeighbourRule,
  RateBase,
  HotspotRequest,
  HotspotResult,
  Period,
  CompareUnit,
  CompareRequest,
  CompareTest,
  CompareResult,
} from './analysis';
export type { PolygonShapes, LineShapes, PolygonMesh } from './shapes';
export type { PointMarksRequest, PointMarks } from './point-marks';
export type {
  PointsLayerQuery,
  HeatmapLayerQuery,
  LinesLayerQuery,
  OutlinesLayerQuery,
  ChoroplethLayerQuery,
  CellLayerKind,
  CellsLayerQuery,
  LayerAnalysisQuery,
  LayerAnalysisResult,
  LayerQuery,
  GeometryPart,
  LayerResult,
} from './layer';
export type {
  ConsoleRunRequest,
  TextRange,
  ConsoleColumn,
  ConsoleStatementKind,
  ConsoleMapping,
  ConsoleRows,
  ConsoleFailure,
  ConsoleRun,
  ConsoleExportRequest,
  ConsoleExport,
  ConsoleAddRequest,
  ScratchTable,
  MethodStep,
  MethodParam,
  LayerMethod,
} from './console';
export { CONSOLE_MAX_ROWS } from './console';
export type { EngineRequest, RequestType, RequestOf, EngineResults, Answer, ResultOf, EngineAnswer } from './requests';
export type { QueryProgress, CallOptions, QueryOptions, EngineApi, WireOptions, EngineWire } from './api';
export type { PlaybackWindow, PlaybackMeasure, PlaybackDomainRequest, PlaybackDomain, CellKey, BinSeries, CellSeriesRequest, CellSeries } from './playback';
export type { LayerExportFormat, LayerExportRequest, LayerExport } from './layer-export';

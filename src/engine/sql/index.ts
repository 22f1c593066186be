// The SQL module: every statement the engine runs is built by a function here (or in a
// sibling file), from the quoting and escaping helpers in core.ts.
export { ident, str, num, select, where, tableNameFor, isTableId, TABLE_ID } from './core';
export { positionInRange } from './position';
export { dropTableSql, createTableAsSql, renameTableSql, dropColumnSql, alterColumnTypeSql, type ColumnType } from './ddl';
export { setSql, versionSql } from './settings';
export { describeSql, rowCountSql, nullCountsSql, distinctCountsSql, tableMemorySql } from './describe';
export {
  positionalJoinSql,
  readCsvSql,
  sniffCsvSql,
  nonBlankText,
  textSampleSql,
  textValuesSql,
  coordinateValuesSql,
  coordinateExtentSql,
  type CsvReadOptions,
} from './ingest';
export {
  timestampExpr,
  alterToTimestampSql,
  timestampParseCountSql,
  formatFamilyCountsSql,
  numericRangeSql,
  timestampExtentsSql,
  timeRangeMsSql,
  type TimestampParse,
} from './timestamps';
export { columnValuesSql, featureNamesSql } from './features';
export { topCategoriesSql, pointMarksSql, type PointMarksQuery } from './point-marks';
export { memoryByTagSql, databaseSizeSql } from './memory';
export { statExpr, valueExpr, shareIndicator } from './stats';
export { rangeCondition, inCondition, bboxCondition } from './filters';
export {
  timestampOf,
  parsedTimestampOf,
  epochMsLiteral,
  isoTimestampLiteral,
  timeWindowConditions,
  timeBinKey,
  rowEpochMsQuery,
} from './time';
export {
  CELL_COLUMN,
  TIME_BIN_COLUMN,
  type QueryParts,
  rowValueExpr,
  rowColumnQuery,
  rowCoordinatesQuery,
  assignedCellsQuery,
  timeBinsQuery,
  districtAttributesQuery,
  dropTableQuery,
} from './aggregate';
export { compareCellsQuery, timeExtentQuery, type CompareWindows, type CompareUnitSql } from './compare';
export {
  createSchemaSql,
  consoleResultSql,
  textRowsSql,
  resultColumnsSql,
  resetSql,
  currentSettingSql,
  memoryUsedSql,
  schemaColumnsSql,
  sampleValuesSql,
  joinMatchSql,
  beyondDoubleSql,
} from './console';
export { type CellMethodQuery, cellMethodSql, featureListSql, featureValuesMethodSql } from './method';

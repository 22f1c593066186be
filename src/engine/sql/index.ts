// The SQL module: every statement the engine runs is built by a function here (or in a
// sibling file), from the quoting and escaping helpers in core.ts.
export { ident, str, num, select, where, tableNameFor } from './core';
export { positionInRange } from './position';
export { statExpr, valueExpr } from './stats';
export { rangeCondition, inCondition, bboxCondition } from './filters';
export {
  timestampOf,
  parsedTimestampOf,
  epochMsLiteral,
  isoTimestampLiteral,
  timeWindowConditions,
  timeBinKey,
} from './time';
export {
  CELL_COLUMN,
  type QueryParts,
  rowColumnQuery,
  rowCoordinatesQuery,
  assignedCellsQuery,
  timeBinsQuery,
  districtAttributesQuery,
  dropTableQuery,
} from './aggregate';

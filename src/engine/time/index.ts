// Time in the display zone (issue 12): zone offsets from Intl, calendar bins, rhythm
// filters, ISO text, and the per-row pass that applies them. Pure, no DuckDB.
export { checkZone, intlOffset, zoneOffsets, localOf, instantOf, segmentAt, type ZoneOffsets } from './zone';
export { CALENDAR_BINS, binFloor, binNext, isoWeekday, minuteOfDay, type CalendarBin } from './calendar';
export { binStarts, binIndex } from './bins';
export { parseHours, parseDays, checkHours, checkDays, rhythmTest, WEEKDAYS, type HourRange } from './rhythm';
export { readTime, isoWithOffset, type ReadTime, type TimeBound } from './instants';
export { timeRows, rowInstants, isBinStart, type ColumnClock, type TimeSpec, type TimeRows } from './rows';
export { filteredMs } from './duration';

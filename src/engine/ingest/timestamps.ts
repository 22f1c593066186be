// Timestamp columns: find them (native types, ISO 8601 text, local formats such as
// NYC 311's "3/14/2025 1:20", epoch numbers in columns whose name says time), convert
// them in DuckDB to TIMESTAMP, and say which clock they are on. Everything ends up as
// naive TIMESTAMP because TIMESTAMPTZ functions need DuckDB's ICU extension, which
// cannot be loaded offline; TimeColumnInfo.zone records what the values mean.
import type { DuckDBConnection } from '../duckdb-types';
import type { ColumnInfo, LoadOptions, TimeColumnInfo } from '../protocol';
import { message, type EngineMessage } from '../messages';
import {
  alterToTimestampSql,
  formatFamilyCountsSql,
  numericRangeSql,
  textSampleSql,
  timestampExtentsSql,
  timestampParseCountSql,
  type TimestampParse,
} from '../sql';

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*([AaPp][Mm])?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Time-ish column names, for epoch numbers: time, date, ts, epoch (as a word). */
const TIME_NAME = /time|date|epoch|(^|[^a-z])ts([^a-z]|$)/i;
const UTC_NAME = /(^|[^a-z])(utc|gmt|zulu)([^a-z]|$)/i;

/** strptime formats for a day/month/year family with separator `sep`. */
function formatsFor(order: 'mdy' | 'dmy' | 'ymd', sep: string): string[] {
  const date = order === 'mdy' ? `%m${sep}%d${sep}%Y` : order === 'dmy' ? `%d${sep}%m${sep}%Y` : `%Y${sep}%m${sep}%d`;
  return [
    `${date} %H:%M:%S`,
    `${date} %H:%M`,
    `${date} %I:%M:%S %p`,
    `${date} %I:%M %p`,
    `${date} %H:%M:%S.%f`,
    `${date}T%H:%M:%S`,
    date,
  ];
}

/** The one row of a statistics query. */
function stats(conn: DuckDBConnection, sql: string): Record<string, number | string | null> {
  return conn.query(sql).toArray()[0].toJSON() as Record<string, number | string | null>;
}

function alter(conn: DuckDBConnection, table: string, col: string, parse: TimestampParse): void {
  conn.query(alterToTimestampSql(table, col, parse));
}

interface Detection {
  info: Omit<TimeColumnInfo, 'min' | 'max'>;
  warnings: EngineMessage[];
}

/** Which clock naive values are on: UTC when the column name says so, else local. */
function naiveZone(col: string, options: LoadOptions): Pick<TimeColumnInfo, 'zone' | 'timeZone'> {
  if (UTC_NAME.test(col)) return { zone: 'utc', timeZone: 'UTC' };
  return options.timeZone ? { zone: 'local', timeZone: options.timeZone } : { zone: 'local' };
}

function textColumn(conn: DuckDBConnection, table: string, c: ColumnInfo, options: LoadOptions): Detection | null {
  const given = options.timestampFormats?.[c.name];
  if (given === 'text') return null;
  const sample = conn
    .query(textSampleSql(table, c.name, 500))
    .toArray()
    .map((r) => String(r.toJSON().v));
  if (!sample.length && !given) return null;
  const share = (re: RegExp) => sample.filter((v) => re.test(v)).length / sample.length;
  const warnings: EngineMessage[] = [];
  const finish = (parse: TimestampParse, info: Omit<TimeColumnInfo, 'min' | 'max' | 'unparsed' | 'column'>): Detection | null => {
    const s = stats(conn, timestampParseCountSql(table, c.name, parse));
    const n = Number(s.n);
    const ok = Number(s.ok);
    // Below 90% readable it is probably not a timestamp column: leave the text alone.
    if (!given && (n === 0 || ok < 0.9 * n)) return null;
    alter(conn, table, c.name, parse);
    const unparsed = n - ok;
    if (unparsed) warnings.push(message('timestamps-unparsed', { column: c.name, n: unparsed }));
    return { info: { column: c.name, unparsed, ...info }, warnings };
  };
  if (given) {
    return finish({ kind: 'strptime', format: given }, { parsedFrom: 'format', format: given, ...naiveZone(c.name, options) });
  }
  if (share(ISO) >= 0.9) {
    // Offsets are applied (values stored as UTC): say so.
    const offsets = sample.map((v) => ISO.exec(v)?.[1]).filter((o): o is string => Boolean(o));
    const utcOnly = offsets.every((o) => /^(Z|[+-]00(:?00)?)$/i.test(o));
    const zone: Pick<TimeColumnInfo, 'zone' | 'timeZone'> = offsets.length
      ? utcOnly
        ? { zone: 'utc', timeZone: 'UTC' }
        : { zone: 'offset', timeZone: 'UTC' }
      : naiveZone(c.name, options);
    if (offsets.length && offsets.length < sample.length) {
      warnings.push(message('timestamps-mixed-offsets', { column: c.name }));
    }
    // A plain TIMESTAMP cast drops the offset; through TIMESTAMPTZ it is applied (to UTC).
    return finish({ kind: 'iso8601', offsets: offsets.length > 0 }, { parsedFrom: 'iso8601', ...zone });
  }
  let families: { order: 'mdy' | 'dmy' | 'ymd'; formats: string[] }[] = [];
  if (share(DMY) >= 0.9) {
    const sep = DMY.exec(sample.find((v) => DMY.test(v))!)![2];
    families = [
      { order: 'mdy', formats: formatsFor('mdy', sep) },
      { order: 'dmy', formats: formatsFor('dmy', sep) },
    ];
  } else if (share(YMD_SLASH) >= 0.9) {
    families = [{ order: 'ymd', formats: formatsFor('ymd', '/') }];
  } else return null;
  // Let the whole column decide between month/day and day/month.
  const s = stats(conn, formatFamilyCountsSql(table, c.name, families.map((f) => f.formats)));
  const okOf = (i: number) => Number(s[`ok${i}`]);
  let pick = 0;
  for (let i = 1; i < families.length; i++) if (okOf(i) > okOf(pick)) pick = i;
  const tied = families.filter((_, i) => okOf(i) === okOf(pick)).length > 1;
  const fam = families[pick];
  // The format most values use, for display.
  let best = 0;
  fam.formats.forEach((_, j) => {
    if (Number(s[`f${pick}_${j}`]) > Number(s[`f${pick}_${best}`])) best = j;
  });
  const format = fam.formats[best];
  const info: Omit<TimeColumnInfo, 'min' | 'max' | 'unparsed' | 'column'> = {
    parsedFrom: 'format',
    format,
    ...naiveZone(c.name, options),
  };
  if (tied) {
    const other = families.find((f) => f !== fam)!.formats[best];
    info.ambiguousFormats = [format, other];
    warnings.push(message('dates-ambiguous', { column: c.name, example: sample[0], order: fam.order, format }));
  }
  return finish({ kind: 'strptime', format: fam.formats }, info);
}

function epochColumn(conn: DuckDBConnection, table: string, c: ColumnInfo, options: LoadOptions): Detection | null {
  if (!TIME_NAME.test(c.name) || options.timestampFormats?.[c.name] === 'text') return null;
  const s = stats(conn, numericRangeSql(table, c.name));
  const lo = Number(s.lo);
  const hi = Number(s.hi);
  if (s.lo === null) return null;
  // 1973..2103 in seconds or milliseconds; anything else is not an epoch.
  let unit: 'epoch-seconds' | 'epoch-milliseconds';
  if (lo >= 1e8 && hi <= 4.2e9) unit = 'epoch-seconds';
  else if (lo >= 1e11 && hi <= 4.2e12) unit = 'epoch-milliseconds';
  else return null;
  alter(conn, table, c.name, { kind: 'epoch', unit: unit === 'epoch-seconds' ? 'seconds' : 'milliseconds' });
  return { info: { column: c.name, parsedFrom: unit, zone: 'utc', timeZone: 'UTC', unparsed: 0 }, warnings: [] };
}

/**
 * Detect and convert timestamp columns in place. Returns what was found, in table order
 * (the caller re-describes the table afterwards: converted columns change type).
 */
export function detectTimestamps(
  conn: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
  options: LoadOptions,
  internal: Set<string>,
): { timeColumns: TimeColumnInfo[]; warnings: EngineMessage[] } {
  const found: Omit<TimeColumnInfo, 'min' | 'max'>[] = [];
  const warnings: EngineMessage[] = [];
  for (const c of columns) {
    if (internal.has(c.name)) continue;
    const t = c.type.toUpperCase();
    let d: Detection | null = null;
    if (t === 'TIMESTAMP WITH TIME ZONE' || t === 'TIMESTAMPTZ') {
      // Stored as an instant; the TIMESTAMP cast gives its UTC wall clock (no ICU needed).
      alter(conn, table, c.name, { kind: 'zoned' });
      d = { info: { column: c.name, parsedFrom: 'native', zone: 'utc', timeZone: 'UTC', unparsed: 0 }, warnings: [] };
    } else if (c.kind === 'timestamp' || c.kind === 'date') {
      d = { info: { column: c.name, parsedFrom: 'native', unparsed: 0, ...naiveZone(c.name, options) }, warnings: [] };
    } else if (c.kind === 'string') {
      d = textColumn(conn, table, c, options);
    } else if (c.kind === 'number') {
      d = epochColumn(conn, table, c, options);
    }
    if (d) {
      found.push(d.info);
      warnings.push(...d.warnings);
    }
  }
  if (!found.length) return { timeColumns: [], warnings };
  const s = stats(conn, timestampExtentsSql(table, found.map((f) => f.column)));
  const timeColumns = found.map((f, i) => ({
    ...f,
    min: (s[`lo${i}`] as string | null) ?? null,
    max: (s[`hi${i}`] as string | null) ?? null,
  }));
  return { timeColumns, warnings };
}

// From a parsed command and the loaded files to the engine's requests: the cells, the
// filters, the share condition and the time column, each checked against the file's
// columns with a message that names the option.
import type { AggregateFilter, AggregateRequest, DatasetInfo, TimeWindow } from '../engine/protocol';
import type { Engine } from '../engine/engine';
import { clockOf } from '../engine/aggregate/time-rows';
import { UsageError, whereToFilterOption, type AggregateCommand, type CompareCommand, type HotspotsCommand } from './args';

type CellsCommand = AggregateCommand | HotspotsCommand | CompareCommand;

/** The columns a file can be filtered in time by. */
function timeColumns(points: DatasetInfo): string[] {
  return points.columns.filter((c) => c.kind === 'timestamp' || c.kind === 'date').map((c) => c.name);
}

/**
 * The time column of a command that has a time option: --time, or the file's one
 * timestamp column; with several, the message lists them.
 */
export function timeColumnOf(cmd: CellsCommand, points: DatasetInfo, option: string): string {
  if (cmd.time) {
    if (!points.columns.some((c) => c.name === cmd.time)) {
      throw new UsageError(`--time ${cmd.time}: ${cmd.points} has no such column (columns: ${points.columns.map((c) => c.name).join(', ')})`);
    }
    return cmd.time;
  }
  const cols = timeColumns(points);
  if (cols.length === 1) return cols[0];
  if (cols.length === 0) throw new UsageError(`${option}: ${cmd.points} has no timestamp column; name one with --time (and --time-format for text)`);
  throw new UsageError(`${option}: ${cmd.points} has ${cols.length} timestamp columns (${cols.join(', ')}); choose one with --time`);
}

/** The request every cell command starts from. */
export async function cellsRequest(engine: Engine, cmd: CellsCommand, points: DatasetInfo, load: (path: string) => Promise<DatasetInfo>): Promise<AggregateRequest> {
  let by: AggregateRequest['by'];
  if (cmd.by.kind === 'districts' && 'file' in cmd.by) {
    const poly = await load(cmd.by.file);
    if (!engine.polygons(poly.id)) throw new UsageError(`${cmd.by.file} has no polygons (it is ${poly.geometry.kind} data)`);
    const populationColumn = cmd.command === 'hotspots' ? cmd.populationColumn : undefined;
    by = { kind: 'districts', polygons: poly.id, nameColumn: cmd.by.nameColumn, populationColumn };
  } else {
    by = cmd.by as AggregateRequest['by'];
  }
  const kindOf = (option: string, column: string) => {
    const c = points.columns.find((x) => x.name === column);
    if (!c) throw new UsageError(`${option}: ${cmd.points} has no column "${column}" (columns: ${points.columns.map((x) => x.name).join(', ')})`);
    return c.kind;
  };
  const filters: AggregateFilter[] = cmd.where.map((w) => whereToFilterOption('--where', w, kindOf('--where', w.column)));
  const share = cmd.shareWhere ? whereToFilterOption('--share-where', cmd.shareWhere, kindOf('--share-where', cmd.shareWhere.column)) : undefined;
  let time: TimeWindow | undefined;
  const bin = cmd.command === 'aggregate' ? cmd.bin : undefined;
  const options = timeOptions(cmd);
  if (cmd.command !== 'compare' && options.length) {
    time = { column: timeColumnOf(cmd, points, options.join('/')), from: cmd.from, to: cmd.to, format: cmd.timeFormat, ...rhythm(cmd) };
  }
  return { dataset: points.id, by, stat: cmd.stat, value: cmd.value, share, filters, time, bin, minCount: cmd.minCount };
}

/** The time options a command was given (compare's windows are its own). */
export function timeOptions(cmd: CellsCommand): string[] {
  const given: [string, unknown][] = [['--hours', cmd.hours], ['--days', cmd.days]];
  if (cmd.command !== 'compare') given.unshift(['--from', cmd.from], ['--to', cmd.to]);
  if (cmd.command === 'aggregate') given.push(['--bin', cmd.bin]);
  return given.filter(([, v]) => v !== undefined).map(([o]) => o);
}

/** The display zone and rhythm filters of a command, as a request's time part has them. */
export function rhythm(cmd: CellsCommand): Pick<TimeWindow, 'zone' | 'hours' | 'days'> {
  return { zone: cmd.tz ?? 'UTC', hours: cmd.hours, days: cmd.days };
}

/** What the CLI says about a time column: its clock and the display zone the times are read in. */
export function clockLine(points: DatasetInfo, column: string, zone: string, defaulted: boolean): string {
  const clock = clockOf(points, column);
  const what =
    clock.kind === 'utc'
      ? `"${column}" holds UTC instants, shown in ${zone}`
      : clock.kind === 'zoned'
        ? `"${column}" is wall time in ${clock.zone}, shown in ${zone}`
        : `"${column}" has no zone: read as ${zone} wall time, not converted`;
  return `display zone ${zone}${defaulted ? ' (the default; set it with --tz)' : ''}: times without a zone are read in it; ${what}`;
}

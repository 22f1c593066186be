// Command-line parsing for `citylens` (src/cli/main.ts): pure functions from argv to a
// typed command, with errors that say what was wrong and how to write it.
import type { AggregateBy, AggregateFilter, AggregateStat, CalendarBin, CompareUnit, HourRange, NeighbourRule, Period, RateBase } from '../engine/protocol';
import { CALENDAR_BINS, checkZone, parseDays, parseHours } from '../engine/time';
import { STATS, isStat } from '../engine/aggregate/stats';
import { parseWhere, whereToFilter, type WhereClause } from '../config/where';

export { USAGE } from './usage';
export type { WhereClause };

export class UsageError extends Error {}

/** `--by districts:<file>` before the file is loaded. */
export type ByOption = AggregateBy | { kind: 'districts'; file: string; nameColumn?: string };

/** What aggregate, hotspots and compare share. */
interface CellsCommand {
  points: string;
  by: ByOption;
  value?: string;
  stat: AggregateStat;
  shareWhere?: WhereClause;
  where: WhereClause[];
  time?: string;
  timeFormat?: string;
  /** The display zone (--tz); absent = UTC. */
  tz?: string;
  hours?: HourRange;
  days?: number[];
  minCount?: number;
  out: string;
  format: 'csv' | 'geojson' | 'parquet';
}

export interface AggregateCommand extends CellsCommand {
  command: 'aggregate';
  from?: string;
  to?: string;
  bin?: CalendarBin;
}

export interface HotspotsCommand extends CellsCommand {
  command: 'hotspots';
  from?: string;
  to?: string;
  rate: RateBase;
  populationColumn?: string;
  neighbours?: NeighbourRule;
  includeEmpty: boolean;
  fdr: boolean;
  permutations: number;
  seed?: number;
}

export interface CompareCommand extends CellsCommand {
  command: 'compare';
  before: Period;
  after: Period;
  unit?: CompareUnit;
  fdr: boolean;
}

export interface InfoCommand {
  command: 'info';
  file: string;
}

export interface HelpCommand {
  command: 'help';
}

export type Command = AggregateCommand | HotspotsCommand | CompareCommand | InfoCommand | HelpCommand;

/** A --where clause, parsed; errors say which option they came from. */
export function parseWhereOption(option: string, text: string): WhereClause {
  try {
    return parseWhere(text);
  } catch (err) {
    throw new UsageError(`${option} ${(err as Error).message}`);
  }
}

/** Turn a --where clause into a filter once the column's kind is known. */
export function whereToFilterOption(option: string, w: WhereClause, kind: string): AggregateFilter {
  try {
    return whereToFilter(w, kind);
  } catch (err) {
    throw new UsageError(`${option} ${(err as Error).message}`);
  }
}

function parseBy(text: string): ByOption {
  const [kind, ...rest] = text.split(':');
  const arg = rest.join(':');
  const metres = () => {
    const m = Number(arg);
    if (!arg || !Number.isFinite(m) || m < 1) throw new UsageError(`--by ${text}: the cell size must be a number of metres ≥ 1`);
    return m;
  };
  switch (kind) {
    case 'grid':
      return { kind: 'grid', sizeM: metres() };
    case 'hex':
    case 'hexagon':
      return { kind: 'hexagon', sizeM: metres() };
    case 'h3': {
      const r = Number(arg);
      if (!/^\d+$/.test(arg) || r > 15) throw new UsageError(`--by ${text}: the H3 resolution must be a whole number 0-15`);
      return { kind: 'h3', resolution: r };
    }
    case 'districts': {
      if (!arg) throw new UsageError('--by districts:<polygon-file>[:<name-column>] needs a file');
      // The name column follows the last ':' unless that would cut a Windows drive letter.
      const m = /^(.*\.(?:geojson|json|topojson|parquet|geoparquet)):(.+)$/i.exec(arg);
      return m ? { kind: 'districts', file: m[1], nameColumn: m[2] } : { kind: 'districts', file: arg };
    }
    default:
      throw new UsageError(`--by ${text}: expected grid:<metres>, hex:<metres>, h3:<resolution> or districts:<file>[:<name-column>]`);
  }
}

/** `ring:<k>`, `knn:<k>`, `band:<metres>`, `queen` or `rook`. */
export function parseNeighbours(text: string): NeighbourRule {
  const [kind, arg] = text.split(':');
  const whole = () => {
    if (!/^\d+$/.test(arg ?? '') || Number(arg) < 1) throw new UsageError(`--neighbours ${text}: k must be a whole number ≥ 1`);
    return Number(arg);
  };
  if (kind === 'ring' || kind === 'knn') return { kind, k: whole() };
  if (kind === 'band') {
    const m = Number(arg);
    if (!arg || !(m > 0) || !Number.isFinite(m)) throw new UsageError(`--neighbours ${text}: the band needs a distance in metres > 0`);
    return { kind, metres: m };
  }
  if ((kind === 'queen' || kind === 'rook') && arg === undefined) return { kind };
  throw new UsageError(`--neighbours ${text}: expected ring:<k>, knn:<k>, band:<metres>, queen or rook`);
}

/** `<from>/<to>`, each ISO date/time text. */
function parsePeriod(option: string, text: string): Period {
  const parts = text.split('/');
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) throw new UsageError(`${option} ${text}: expected <from>/<to>, e.g. 2024-03-13/2024-03-17`);
  return { from: parts[0].trim(), to: parts[1].trim() };
}

const UNIT_BINS = ['hour', 'day', 'week', 'month'] as const;

function parseUnit(text: string): CompareUnit {
  const [column, bin, extra] = text.split(',');
  if (!column?.trim() || extra !== undefined) throw new UsageError(`--unit ${text}: expected <column>[,hour|day|week|month]`);
  if (bin === undefined) return { column: column.trim() };
  const b = UNIT_BINS.find((x) => x === bin.trim());
  if (!b) throw new UsageError(`--unit ${text}: the bin must be one of ${UNIT_BINS.join(', ')}`);
  return { column: column.trim(), bin: b };
}

function outFormat(path: string): CellsCommand['format'] {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'geojson' || ext === 'parquet') return ext;
  if (ext === 'json') return 'geojson';
  throw new UsageError(`--out ${path}: the file must end in .csv, .geojson or .parquet`);
}

const VALUE_OPTIONS = {
  aggregate: ['--from', '--to', '--bin'],
  hotspots: ['--from', '--to', '--rate', '--neighbours', '--permutations', '--seed'],
  compare: ['--before', '--after', '--unit'],
} as const;
const FLAGS = { aggregate: [], hotspots: ['--include-empty', '--no-fdr'], compare: ['--no-fdr'] } as const;
const COMMON = ['--by', '--value', '--stat', '--share-where', '--time', '--time-format', '--tz', '--hours', '--days', '--min-count', '--out'];

type CellsName = keyof typeof VALUE_OPTIONS;
const isCellsCommand = (c: string): c is CellsName => Object.hasOwn(VALUE_OPTIONS, c);

/** A parser from src/engine/time whose message becomes the option's. */
function timeOption<T>(option: string, text: string | undefined, parse: (t: string) => T): T | undefined {
  if (text === undefined) return undefined;
  try {
    return parse(text);
  } catch (err) {
    throw new UsageError(`${option} ${text}: ${(err as Error).message}`);
  }
}

function parseBin(text: string | undefined): CalendarBin | undefined {
  if (text === undefined) return undefined;
  const b = CALENDAR_BINS.find((x) => x === text);
  if (!b) throw new UsageError(`--bin ${text}: expected one of ${CALENDAR_BINS.join(', ')}`);
  return b;
}

function whole(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} ${text}: expected a whole number ≥ 0`);
  return Number(text);
}

export function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'info') {
    if (rest.length !== 1) throw new UsageError('info takes exactly one file');
    return { command: 'info', file: rest[0] };
  }
  if (!isCellsCommand(command)) throw new UsageError(`unknown command "${command}" (expected info, aggregate, hotspots or compare)`);
  const single: readonly string[] = [...COMMON, ...VALUE_OPTIONS[command]];
  const flags: readonly string[] = FLAGS[command];
  const positional: string[] = [];
  const opts = new Map<string, string>();
  const set = new Set<string>();
  const where: WhereClause[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (flags.includes(a)) set.add(a);
    else if (a === '--where' || single.includes(a)) {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (a === '--where') where.push(parseWhereOption('--where', v));
      else if (opts.has(a)) throw new UsageError(`${a} given twice`);
      else opts.set(a, v);
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a} for ${command}`);
    } else {
      positional.push(a);
    }
  }
  if (positional.length !== 1) throw new UsageError(`${command} takes one points file, got ${positional.length}`);
  const byText = opts.get('--by');
  if (!byText) throw new UsageError(`${command} needs --by`);
  const out = opts.get('--out');
  if (!out) throw new UsageError(`${command} needs --out <file.csv|file.geojson|file.parquet>`);
  const value = opts.get('--value');
  const shareText = opts.get('--share-where');
  const statText = opts.get('--stat') ?? (shareText ? 'share' : value ? 'mean' : 'count');
  if (!isStat(statText)) throw new UsageError(`--stat ${statText}: expected one of ${STATS.join(', ')}`);
  if (statText === 'share' && !shareText) throw new UsageError('--stat share needs --share-where <column><op><value>, e.g. num_bikes_available=0');
  if (statText !== 'share' && shareText) throw new UsageError('--share-where goes with --stat share');
  if (statText !== 'count' && statText !== 'share' && !value) throw new UsageError(`--stat ${statText} needs --value <column>`);
  const base: CellsCommand = {
    points: positional[0],
    by: parseBy(byText),
    value,
    stat: statText,
    shareWhere: shareText === undefined ? undefined : parseWhereOption('--share-where', shareText),
    where,
    time: opts.get('--time'),
    timeFormat: opts.get('--time-format'),
    tz: timeOption('--tz', opts.get('--tz'), checkZone),
    hours: timeOption('--hours', opts.get('--hours'), parseHours),
    days: timeOption('--days', opts.get('--days'), parseDays),
    minCount: whole('--min-count', opts.get('--min-count')),
    out,
    format: outFormat(out),
  };
  if (command === 'aggregate') return { command, ...base, from: opts.get('--from'), to: opts.get('--to'), bin: parseBin(opts.get('--bin')) };
  const fdr = !set.has('--no-fdr');
  if (command === 'hotspots') {
    const rateText = opts.get('--rate');
    let rate: RateBase = 'none';
    let populationColumn: string | undefined;
    if (rateText === 'km2') rate = 'km2';
    else if (rateText !== undefined && /^residents(:.+)?$/.test(rateText)) {
      rate = 'residents';
      populationColumn = rateText.slice('residents:'.length) || undefined;
    } else if (rateText !== undefined) throw new UsageError(`--rate ${rateText}: expected km2 or residents[:<population column>]`);
    if (rate === 'residents' && base.by.kind !== 'districts') throw new UsageError('--rate residents needs --by districts:<file> (cells have no residents)');
    const seedText = opts.get('--seed');
    if (seedText !== undefined && !/^-?\d+$/.test(seedText)) throw new UsageError(`--seed ${seedText}: expected a whole number`);
    return {
      command,
      ...base,
      from: opts.get('--from'),
      to: opts.get('--to'),
      rate,
      populationColumn,
      neighbours: opts.has('--neighbours') ? parseNeighbours(opts.get('--neighbours')!) : undefined,
      includeEmpty: set.has('--include-empty'),
      fdr,
      permutations: whole('--permutations', opts.get('--permutations')) ?? 0,
      seed: seedText === undefined ? undefined : Number(seedText),
    };
  }
  const beforeText = opts.get('--before'), afterText = opts.get('--after');
  if (!beforeText || !afterText) throw new UsageError('compare needs --before <from>/<to> and --after <from>/<to>');
  const unitText = opts.get('--unit');
  return {
    command,
    ...base,
    before: parsePeriod('--before', beforeText),
    after: parsePeriod('--after', afterText),
    unit: unitText === undefined ? undefined : parseUnit(unitText),
    fdr,
  };
}

// Command-line parsing for `citylens` (src/cli/main.ts): pure functions from argv to a
// typed command, with errors that say what was wrong and how to write it.
import type { AggregateBy, AggregateFilter, AggregateStat } from '../engine/protocol';
import { STATS, isStat } from '../engine/aggregate/stats';
import { parseWhere, whereToFilter, type WhereClause } from '../config/where';

export type { WhereClause };

export class UsageError extends Error {}

export const USAGE = `Usage: npm run cli -- <command>

Commands:
  info <file>
      Rows, columns and types, geometry kind, bbox and time range of a file, as JSON.

  aggregate <points-file> --by <cells> --out <file.csv|file.geojson|file.parquet> [options]
      --by grid:<metres>            square cells of that side
           hex:<metres>             hexagons of that radius (centre to corner);
                                    hexagon:<metres> is the same
           h3:<resolution>          H3 cells, resolution 0-15
           districts:<polygon-file>[:<name-column>]
                                    the polygons of a GeoJSON/TopoJSON/GeoParquet file;
                                    points outside every polygon are reported as "outside"
      --value <column>              numeric column for the statistic (any column for distinct)
      --stat <${STATS.join('|')}>
                                    default: count, or mean when --value is given
      --where <column><op><value>   repeatable; op is one of = != < <= > >=;
                                    = and != take a comma-separated list (\\, for a comma)
      --from <time> --to <time>     time window [from, to) as ISO text, e.g. 2024-03-15T08:00
      --time <column>               the time column (default: the first timestamp column)
      --time-format <strptime>      format of a text time column, e.g. %m/%d/%Y %I:%M:%S %p
      --min-count <k>               suppress cells with fewer than k rows (default 5; 0 = off)

Files are read with the same engine as the web app (DuckDB-WASM, parquet-wasm).
`;

export interface AggregateCommand {
  command: 'aggregate';
  points: string;
  by: AggregateBy | { kind: 'districts'; file: string; nameColumn?: string };
  value?: string;
  stat: AggregateStat;
  where: WhereClause[];
  from?: string;
  to?: string;
  time?: string;
  timeFormat?: string;
  minCount?: number;
  out: string;
  format: 'csv' | 'geojson' | 'parquet';
}

export interface InfoCommand {
  command: 'info';
  file: string;
}

export interface HelpCommand {
  command: 'help';
}

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

function parseBy(text: string): AggregateCommand['by'] {
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

function outFormat(path: string): AggregateCommand['format'] {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'geojson' || ext === 'parquet') return ext;
  if (ext === 'json') return 'geojson';
  throw new UsageError(`--out ${path}: the file must end in .csv, .geojson or .parquet`);
}

export function parseArgs(argv: string[]): AggregateCommand | InfoCommand | HelpCommand {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'info') {
    if (rest.length !== 1) throw new UsageError('info takes exactly one file');
    return { command: 'info', file: rest[0] };
  }
  if (command !== 'aggregate') throw new UsageError(`unknown command "${command}" (expected info or aggregate)`);
  const positional: string[] = [];
  const opts = new Map<string, string>();
  const where: WhereClause[] = [];
  const single = ['--by', '--value', '--stat', '--from', '--to', '--time', '--time-format', '--min-count', '--out'];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--where' || single.includes(a)) {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (a === '--where') where.push(parseWhereOption('--where', v));
      else if (opts.has(a)) throw new UsageError(`${a} given twice`);
      else opts.set(a, v);
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      positional.push(a);
    }
  }
  if (positional.length !== 1) throw new UsageError(`aggregate takes one points file, got ${positional.length}`);
  const byText = opts.get('--by');
  if (!byText) throw new UsageError('aggregate needs --by');
  const out = opts.get('--out');
  if (!out) throw new UsageError('aggregate needs --out <file.csv|file.geojson|file.parquet>');
  const value = opts.get('--value');
  const statText = opts.get('--stat') ?? (value ? 'mean' : 'count');
  if (!isStat(statText)) throw new UsageError(`--stat ${statText}: expected one of ${STATS.join(', ')}`);
  if (statText !== 'count' && !value) throw new UsageError(`--stat ${statText} needs --value <column>`);
  const k = opts.get('--min-count');
  if (k !== undefined && !/^\d+$/.test(k)) throw new UsageError(`--min-count ${k}: expected a whole number ≥ 0`);
  return {
    command: 'aggregate',
    points: positional[0],
    by: parseBy(byText),
    value,
    stat: statText,
    where,
    from: opts.get('--from'),
    to: opts.get('--to'),
    time: opts.get('--time'),
    timeFormat: opts.get('--time-format'),
    minCount: k === undefined ? undefined : Number(k),
    out,
    format: outFormat(out),
  };
}

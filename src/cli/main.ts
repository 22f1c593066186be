// `npm run cli -- <command>`: the aggregation engine from the command line, on the same
// Engine (DuckDB-WASM + parquet-wasm, Node host) and Aggregator as the web app's worker,
// so the numbers match.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Engine } from '../engine/engine';
import { nodePlatform } from '../engine/platform-node';
import { Aggregator } from '../engine/aggregate/aggregator';
import type { AggregateRequest, DatasetInfo } from '../engine/protocol';
import { USAGE, UsageError, parseArgs, whereToFilterOption, type AggregateCommand } from './args';
import { toCsv, toGeoJSON, toParquet } from './output';
import { infoOf } from './info';

function checkFile(path: string): void {
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
}

async function load(engine: Engine, path: string): Promise<DatasetInfo> {
  checkFile(path);
  return engine.loadUrl(path, {});
}

async function aggregate(engine: Engine, cmd: AggregateCommand): Promise<void> {
  const points = await load(engine, cmd.points);
  if (points.geometry.kind !== 'point') throw new UsageError(`${cmd.points} has no point coordinates (lon/lat columns)`);
  let by: AggregateRequest['by'];
  if (cmd.by.kind === 'districts' && 'file' in cmd.by) {
    const poly = await load(engine, cmd.by.file);
    if (!engine.polygons(poly.id)) throw new UsageError(`${cmd.by.file} has no polygons (it is ${poly.geometry.kind} data)`);
    by = { kind: 'districts', polygons: poly.id, nameColumn: cmd.by.nameColumn };
  } else {
    by = cmd.by as AggregateRequest['by'];
  }
  const kindOf = (column: string) => {
    const c = points.columns.find((x) => x.name === column);
    if (!c) throw new UsageError(`--where: ${cmd.points} has no column "${column}" (columns: ${points.columns.map((x) => x.name).join(', ')})`);
    return c.kind;
  };
  const filters = cmd.where.map((w) => whereToFilterOption('--where', w, kindOf(w.column)));
  let time: AggregateRequest['time'];
  if (cmd.from !== undefined || cmd.to !== undefined) {
    const column = cmd.time ?? points.columns.find((c) => c.kind === 'timestamp' || c.kind === 'date')?.name;
    if (!column) throw new UsageError(`--from/--to: ${cmd.points} has no timestamp column; name one with --time (and --time-format for text)`);
    time = { column, from: cmd.from, to: cmd.to, format: cmd.timeFormat };
  }
  const agg = new Aggregator(engine);
  const request: AggregateRequest = { dataset: points.id, by, stat: cmd.stat, value: cmd.value, filters, time, minCount: cmd.minCount };
  const r = await agg.aggregate(request);
  let bytes: string | Uint8Array;
  if (cmd.format === 'csv') bytes = toCsv(r);
  else if (cmd.format === 'geojson') bytes = toGeoJSON(r, by.kind === 'districts' ? engine.polygons(by.polygons) : null);
  else bytes = await toParquet(r);
  await writeFile(cmd.out, bytes);
  process.stderr.write(
    `${r.length.toLocaleString('en-US')} cells, ${r.rows.toLocaleString('en-US')} rows, ${r.suppressedCells} suppressed (k = ${r.minCount}), ` +
      `${r.timings.totalMs.toFixed(0)} ms → ${cmd.out}\n`,
  );
}

export async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`citylens: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (cmd.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const engine = new Engine(nodePlatform);
  try {
    // Missing files fail before the engine starts (seconds).
    if (cmd.command === 'info') checkFile(cmd.file);
    else {
      checkFile(cmd.points);
      if ('file' in cmd.by) checkFile(cmd.by.file);
    }
    await engine.init();
    if (cmd.command === 'info') {
      const info = await load(engine, cmd.file);
      process.stdout.write(JSON.stringify(infoOf(engine.connection, info), null, 2) + '\n');
    } else {
      await aggregate(engine, cmd);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`citylens: ${(err as Error).message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`citylens: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);

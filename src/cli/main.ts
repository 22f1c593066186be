// `npm run cli -- <command>`: the aggregation engine from the command line, on the same
// Engine (DuckDB-WASM + parquet-wasm, Node host), Aggregator and Analysis as the web
// app's worker, so the numbers match.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Engine } from '../engine/engine';
import { nodePlatform } from '../engine/platform-node';
import { Aggregator } from '../engine/aggregate/aggregator';
import { Analysis, FEW_OBSERVATIONS } from '../engine/analysis';
import type { AggregateResult, DatasetInfo } from '../engine/protocol';
import { aggregateTable, compareTable, hotspotTable, type ExportTable } from '../engine/export/tables';
import { tableToArrowIPC, tableToCsv, tableToGeoJSON } from '../engine/export/write';
import { engineText, failureText } from '../i18n';
import type { EngineMessage } from '../engine/messages';
import { USAGE, UsageError, parseArgs, type AggregateCommand, type CompareCommand, type HotspotsCommand } from './args';
import { cellsRequest, clockLine, rhythm, timeColumnOf } from './requests';
import { infoOf } from './info';
import { publish } from './publish';
import { setEngineWording } from '../engine/engine-error';

// Engine failures are codes; the CLI says them in English, from the catalogue.
setEngineWording((f) => failureText(f));

function checkFile(path: string): void {
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
}

async function load(engine: Engine, path: string): Promise<DatasetInfo> {
  checkFile(path);
  return engine.loadUrl(path, {});
}

async function write(engine: Engine, cmd: { out: string; format: 'csv' | 'geojson' | 'parquet' }, table: ExportTable, r: AggregateResult): Promise<void> {
  let bytes: string | Uint8Array;
  if (cmd.format === 'csv') bytes = tableToCsv(table);
  else if (cmd.format === 'geojson') bytes = tableToGeoJSON(table, r, r.by.kind === 'districts' ? engine.polygons(r.by.polygons) : null);
  else {
    const pq = await import('parquet-wasm/node');
    bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToArrowIPC(table)));
  }
  await writeFile(cmd.out, bytes);
}

const say = (line: string) => process.stderr.write(line + '\n');
const warn = (ms: EngineMessage[]) => ms.forEach((m) => say(`warning: ${engineText(m)}`));

async function run(engine: Engine, cmd: AggregateCommand | HotspotsCommand | CompareCommand): Promise<void> {
  const points = await load(engine, cmd.points);
  if (points.geometry.kind !== 'point') throw new UsageError(`${cmd.points} has no point coordinates (lon/lat columns)`);
  const base = await cellsRequest(engine, cmd, points, (p) => load(engine, p));
  const aggregator = new Aggregator(engine);
  if (base.time) say(clockLine(points, base.time.column, base.time.zone ?? 'UTC', cmd.tz === undefined));
  if (cmd.command === 'aggregate') {
    const r = await aggregator.aggregate(base);
    await write(engine, cmd, aggregateTable(r), r);
    const bins = r.bins ? ` in ${r.bins.starts.length.toLocaleString('en-US')} ${r.bins.bin} bins` : '';
    say(`${r.length.toLocaleString('en-US')} ${r.bins ? 'cell × bin rows' : 'cells'}${bins}, ${r.rows.toLocaleString('en-US')} rows, ${r.suppressedCells} suppressed (k = ${r.minCount}), ${r.timings.totalMs.toFixed(0)} ms → ${cmd.out}`);
    return;
  }
  const analysis = new Analysis(aggregator, engine);
  if (cmd.command === 'hotspots') {
    const h = await analysis.hotspots({
      ...base,
      rate: cmd.rate,
      neighbours: cmd.neighbours,
      includeEmpty: cmd.includeEmpty,
      fdr: cmd.fdr,
      permutations: cmd.permutations,
      seed: cmd.seed,
    });
    await write(engine, cmd, hotspotTable(h), h.cells);
    say(engineText(h.method));
    if (h.observations < FEW_OBSERVATIONS) say(`(fewer than ${FEW_OBSERVATIONS} observations)`);
    warn(h.warnings);
    say(`${h.observations.toLocaleString('en-US')} observations, ${h.tested.toLocaleString('en-US')} tested, ${h.cells.suppressedCells} suppressed (k = ${h.cells.minCount}), ${h.timings.totalMs.toFixed(0)} ms → ${cmd.out}`);
    return;
  }
  const column = timeColumnOf(cmd, points, '--before/--after');
  const time = { column, format: cmd.timeFormat, ...rhythm(cmd) };
  const c = await analysis.compare({ ...base, time, before: cmd.before, after: cmd.after, unit: cmd.unit, fdr: cmd.fdr });
  await write(engine, cmd, compareTable(c), c.cells);
  say(clockLine(points, column, time.zone ?? 'UTC', cmd.tz === undefined));
  say(engineText(c.method));
  warn(c.warnings);
  say(`${c.cells.length.toLocaleString('en-US')} cells, ${c.tested.toLocaleString('en-US')} tested, ${c.cells.suppressedCells} suppressed (k = ${c.cells.minCount}), ${c.timings.totalMs.toFixed(0)} ms → ${cmd.out}`);
}

/** `publish <config> --out <dir>`, apart from the single-file commands' options. */
async function runPublish(argv: string[]): Promise<number> {
  const out = argv.indexOf('--out');
  const rest = argv.filter((_, i) => i !== out && i !== out + 1);
  if (rest.length !== 1 || out < 0 || !argv[out + 1]) {
    process.stderr.write(`citylens: publish takes a config file and --out <dir>\n\n${USAGE}`);
    return 2;
  }
  try {
    checkFile(rest[0]);
    const manifest = await publish(rest[0], argv[out + 1], say);
    say(`${Object.keys(manifest.layers).length} layers published → ${argv[out + 1]}`);
    return 0;
  } catch (err) {
    process.stderr.write(`citylens: ${(err as Error).message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'publish') return runPublish(argv.slice(1));
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
      await run(engine, cmd);
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

// Builds what the benchmark serves, only when its sources changed: the bench page
// (vite.bench.config.ts → bench-dist/page/) and a copy of the production app
// (vite.config.ts → bench-dist/app/, so dist/ used by the e2e tests is left alone).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function stale(root, stamp, inputs) {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((i) => newestMtime(path.join(root, i)) > built);
}

function run(root, cmd, args, log) {
  log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
}

/** Remove a link we made; never follow it (it points at the shared data). */
function unlink(p) {
  try {
    if (lstatSync(p).isSymbolicLink()) rmSync(p);
  } catch {
    // not there
  }
}

export function sharedDataDir(root) {
  const dir = path.resolve(root, process.env.CITYLENS_SHARED_DATA ?? '../shared/data');
  if (!existsSync(path.join(dir, 'nyc_citibike_station_status_2024-03.parquet'))) {
    throw new Error(`the shared data is not in ${dir}: set CITYLENS_SHARED_DATA to the folder with the real files`);
  }
  return dir;
}

/** Build the bench page (and the app unless skipApp), link data/, vendor/ and lisa/ into the page. */
export function ensureBuilt(root, { skipApp = false, force = false, log = console.log } = {}) {
  const out = path.join(root, 'bench-dist');
  const page = path.join(out, 'page');
  const app = path.join(out, 'app');
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  // DuckDB's gzipped wasm (public/vendor) and the app's sample data (public/data/sample).
  run(root, process.execPath, ['scripts/prepare-assets.mjs'], log);
  const common = ['src', 'package-lock.json'];
  const pageStamp = path.join(page, '.bench-stamp');
  if (force || stale(root, pageStamp, [...common, 'bench', 'vite.bench.config.ts'])) {
    unlink(path.join(page, 'data'));
    unlink(path.join(page, 'vendor'));
    unlink(path.join(page, 'lisa'));
    run(root, vite, ['build', '--config', 'vite.bench.config.ts', '--logLevel', 'error'], log);
    writeFileSync(pageStamp, new Date().toISOString());
  }
  // lisa/: @geoda/lisa's own wasm, so the Gi* peer never fetches it from its CDN.
  const links = [['data', sharedDataDir(root)], ['vendor', path.join(root, 'public', 'vendor')], ['lisa', path.join(root, 'node_modules', '@geoda', 'lisa', 'wasm')]];
  for (const [name, target] of links) {
    const link = path.join(page, name);
    if (!existsSync(link)) symlinkSync(target, link, 'dir');
  }
  if (skipApp) return { page, app: null };
  const appStamp = path.join(app, '.bench-stamp');
  if (force || stale(root, appStamp, [...common, 'index.html', 'vite.config.ts', 'public'])) {
    run(root, process.execPath, ['scripts/sample-catalog.mjs'], log);
    mkdirSync(app, { recursive: true });
    // vite build without the tsc step: a peer's half-finished types must not stop the benchmark.
    run(root, vite, ['build', '--outDir', app, '--emptyOutDir', '--logLevel', 'error'], log);
    run(root, process.execPath, ['scripts/postbuild.mjs', app], log);
    writeFileSync(appStamp, new Date().toISOString());
  }
  return { page, app };
}

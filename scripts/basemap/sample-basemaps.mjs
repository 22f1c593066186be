// Dev-time sample basemaps, beside the sample data in public/data/sample/ (git-ignored): the
// prebuilt PMTiles archives in ../shared/basemap are copied, nothing is built, so a fresh
// machine needs no tilemaker. The NYC sample's Manhattan archive (Battery to 59th St) was
// made with `npm run basemap`, which stays for cities building their own. Nothing here is committed.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The archives the sample config offers; the first is its default basemap. */
export const SAMPLE_BASEMAPS = ['manhattan-south-omt.pmtiles', 'firenze.pmtiles', 'monaco-omt.pmtiles', 'chicago-loop-omt.pmtiles'];

export function sampleBasemaps(root, log = console.log) {
  const shared = process.env.CITYLENS_SHARED_BASEMAP ?? path.resolve(root, '../shared/basemap');
  const out = path.join(root, 'public', 'data', 'sample', 'basemap');
  if (!existsSync(shared)) {
    rmSync(out, { recursive: true, force: true });
    log(`sample-basemaps: no basemap material at ${shared}; the sample basemaps fall back to the Natural Earth backdrop.`);
    return;
  }
  mkdirSync(out, { recursive: true });
  const copied = [];
  const missing = [];
  for (const file of SAMPLE_BASEMAPS) {
    const src = path.join(shared, file);
    const dest = path.join(out, file);
    if (!existsSync(src)) {
      rmSync(dest, { force: true });
      missing.push(file);
      continue;
    }
    if (!existsSync(dest) || statSync(dest).size !== statSync(src).size) copyFileSync(src, dest);
    copied.push(file);
  }
  // A stale archive from the days this script built Lower Manhattan with tilemaker.
  rmSync(path.join(out, 'lower-manhattan.pmtiles'), { force: true });
  log(`sample-basemaps: ${copied.length} archives from ${shared} → ${path.relative(root, out)}/${missing.length ? `; MISSING ${missing.join(', ')} (those basemaps show the Natural Earth backdrop only)` : ''}`);
}

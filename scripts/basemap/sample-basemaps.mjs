// Dev-time sample basemaps, beside the sample data in public/data/sample/ (git-ignored):
// the PMTiles archives in ../shared/basemap (Florence, Monaco, Chicago Loop) are copied,
// and Lower Manhattan (the NYC sample's area) is built from its OSM extract with
// scripts/osm-to-pmtiles.mjs when tilemaker is installed. Nothing here is committed.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasTilemaker, osmToPmtiles } from '../osm-to-pmtiles.mjs';

const COPIES = ['firenze.pmtiles', 'monaco-omt.pmtiles', 'chicago-loop-omt.pmtiles'];
/** The extract's data bbox: clipping to it keeps the archive to the streets it really has. */
const LOWER_MANHATTAN_BBOX = [-74.021, 40.6995, -74.0002, 40.7139];

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
  for (const file of COPIES) {
    const src = path.join(shared, file);
    if (!existsSync(src)) continue;
    const dest = path.join(out, file);
    if (!existsSync(dest) || statSync(dest).size !== statSync(src).size) copyFileSync(src, dest);
    copied.push(file);
  }

  const osm = path.join(shared, 'lower-manhattan.osm.pbf');
  const nyc = path.join(out, 'lower-manhattan.pmtiles');
  const script = fileURLToPath(new URL('../osm-to-pmtiles.mjs', import.meta.url));
  let nycNote = 'lower-manhattan.pmtiles up to date';
  if (!existsSync(osm)) nycNote = `no ${osm}; the NYC sample shows the Natural Earth backdrop only`;
  else if (existsSync(nyc) && statSync(nyc).mtimeMs >= Math.max(statSync(osm).mtimeMs, statSync(script).mtimeMs)) {
    // up to date
  } else if (!hasTilemaker()) {
    rmSync(nyc, { force: true });
    nycNote =
      'SKIPPED the NYC sample basemap: tilemaker is not installed (`apt-get install -y tilemaker sqlite3 osmium-tool`); the NYC view shows the Natural Earth backdrop only';
  } else {
    try {
      const s = osmToPmtiles({ input: osm, output: nyc, bbox: LOWER_MANHATTAN_BBOX, log });
      nycNote = `lower-manhattan.pmtiles built (${s.tiles} tiles)`;
    } catch (err) {
      rmSync(nyc, { force: true });
      nycNote = `could not build the NYC sample basemap (${err.message}); the NYC view shows the Natural Earth backdrop only`;
    }
  }
  log(`sample-basemaps: ${copied.length} archives from ${shared} → ${path.relative(root, out)}/; ${nycNote}`);
}

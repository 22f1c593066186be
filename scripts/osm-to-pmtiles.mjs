#!/usr/bin/env node
// Turns an OpenStreetMap extract into a PMTiles basemap (OpenMapTiles schema) that the
// app's "openmaptiles" style draws:
//   npm run basemap -- <in.osm.pbf> <out.pmtiles> [--bbox minLon,minLat,maxLon,maxLat]
// Debian's tilemaker (`apt-get install -y tilemaker sqlite3`) cuts the tiles with its bundled
// OpenMapTiles example config, less the layers that need shapefiles (ocean, urban areas,
// ice, glaciers: without them the sea is background colour); its MBTiles output is then
// repacked as one PMTiles v3 file that any static host can serve.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMbtiles } from './basemap/mbtiles.mjs';
import { hasOsmium, repairOsm } from './basemap/osm-repair.mjs';
import { Compression, TileType, writePmtiles } from './basemap/pmtiles-writer.mjs';

const EXAMPLES = '/usr/share/doc/tilemaker/examples';
export const ATTRIBUTION = '© OpenStreetMap contributors';

export function hasTilemaker() {
  try {
    execFileSync('tilemaker', ['--help'], { stdio: 'ignore' });
    return existsSync(path.join(EXAMPLES, 'config-openmaptiles.json'));
  } catch {
    return false;
  }
}

export function parseBbox(text) {
  const b = String(text).split(',').map(Number);
  if (b.length !== 4 || b.some((n) => !Number.isFinite(n)) || b[0] >= b[2] || b[1] >= b[3]) {
    throw new Error(`--bbox wants minLon,minLat,maxLon,maxLat, got "${text}"`);
  }
  return b;
}

/** tilemaker's OpenMapTiles example config without the layers that read shapefiles. */
function tilemakerConfig(bbox) {
  const config = JSON.parse(readFileSync(path.join(EXAMPLES, 'config-openmaptiles.json'), 'utf8'));
  for (const [name, layer] of Object.entries(config.layers)) if (layer.source) delete config.layers[name];
  // Clip to the box: an extract can hold a relation that reaches far beyond its city
  // (Chicago's Lake Michigan reaches 46°N: ~30,000 mostly-lake tiles without a clip).
  if (bbox) config.settings.bounding_box = bbox;
  config.settings.name = 'CityLens basemap (OpenMapTiles schema)';
  delete config.settings.filemetadata;
  return config;
}

function validBounds(text) {
  const b = text?.split(',').map(Number);
  return b?.length === 4 && b[0] < b[2] && b[1] < b[3] ? b : undefined;
}

/** The lon/lat box of the deepest zoom's tiles (when the extract had no bbox header). */
function tileExtent(tiles) {
  const z = Math.max(...tiles.map((t) => t.z));
  const deep = tiles.filter((t) => t.z === z);
  const lon = (x) => (x / 2 ** z) * 360 - 180;
  const lat = (y) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
  const xs = deep.map((t) => t.x);
  const ys = deep.map((t) => t.y);
  return [lon(Math.min(...xs)), lat(Math.max(...ys) + 1), lon(Math.max(...xs) + 1), lat(Math.min(...ys))];
}

/**
 * Builds `output` (.pmtiles) from `input` (.osm.pbf). Returns a summary.
 * @param {{ input: string, output: string, bbox?: number[], log?: (s: string) => void }} o
 */
export function osmToPmtiles({ input, output, bbox, log = () => {} }) {
  if (!existsSync(input)) throw new Error(`${input}: no such file`);
  if (!hasTilemaker()) throw new Error('tilemaker is not installed: `apt-get install -y tilemaker` (Debian)');
  const work = mkdtempSync(path.join(tmpdir(), 'citylens-tiles-'));
  try {
    const configFile = path.join(work, 'config.json');
    const mbtiles = path.join(work, 'tiles.mbtiles');
    writeFileSync(configFile, JSON.stringify(tilemakerConfig(bbox)));
    const run = (pbf) => {
      const args = ['--input', path.resolve(pbf), '--output', mbtiles, '--config', configFile];
      args.push('--process', path.join(EXAMPLES, 'process-openmaptiles.lua'));
      if (bbox) args.push('--bbox', bbox.join(','));
      execFileSync('tilemaker', args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 ** 2 });
    };
    const t0 = Date.now();
    try {
      run(input);
    } catch (err) {
      const message = String(err.stderr || err.stdout || err.message).trim();
      if (!/Could not find node/.test(message)) throw new Error(`tilemaker failed on ${input}: ${message.slice(-2000)}`);
      // An extract that is not referentially complete: repair it (see osm-repair.mjs), retry once.
      if (!hasOsmium()) {
        throw new Error(`${input} refers to nodes it does not contain, which tilemaker rejects; install osmium-tool (\`apt-get install -y osmium-tool\`) to let this script repair it`);
      }
      const repaired = path.join(work, 'repaired.osm.pbf');
      const stats = repairOsm(input, repaired, path.join(work, 'repair.opl'));
      log(`osm-to-pmtiles: ${path.basename(input)} is not referentially complete; repaired (${stats.cutWays} ways cut at the edge, ${stats.droppedWays} areas and ${stats.droppedRelations} relations dropped), retrying`);
      run(repaired);
    }
    log(`tilemaker: ${path.basename(input)} → MBTiles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const { metadata, tiles } = readMbtiles(mbtiles);
    if (!tiles.length) throw new Error(`${input}: tilemaker wrote no tiles (is the bbox inside the extract?)`);
    const gzipped = tiles[0].data[0] === 0x1f && tiles[0].data[1] === 0x8b;
    const bounds = bbox ?? validBounds(metadata.bounds) ?? tileExtent(tiles);
    const c = metadata.center?.split(',').map(Number);
    const center = c?.length === 3 && c[0] >= bounds[0] && c[0] <= bounds[2] && c[1] >= bounds[1] && c[1] <= bounds[3] ? c : undefined;
    const vectorLayers = metadata.json ? JSON.parse(metadata.json).vector_layers : undefined;
    const archive = writePmtiles({
      tiles,
      tileCompression: gzipped ? Compression.gzip : Compression.none,
      tileType: TileType.mvt,
      bounds,
      center,
      metadata: {
        name: path.basename(output, '.pmtiles'),
        description: `OpenMapTiles-schema basemap of ${path.basename(input)}, made by tilemaker`,
        attribution: ATTRIBUTION,
        type: 'baselayer',
        format: 'pbf',
        schema: 'openmaptiles',
        vector_layers: vectorLayers,
      },
    });
    writeFileSync(output, archive);
    const zooms = tiles.map((t) => t.z);
    const summary = { tiles: tiles.length, bytes: statSync(output).size, minZoom: Math.min(...zooms), maxZoom: Math.max(...zooms), bounds };
    log(`osm-to-pmtiles: ${output} (${summary.tiles} tiles, zoom ${summary.minZoom}–${summary.maxZoom}, ${summary.bytes.toLocaleString('en-US')} B)`);
    return summary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const bboxAt = args.indexOf('--bbox');
  const bbox = bboxAt >= 0 ? parseBbox(args[bboxAt + 1]) : undefined;
  const [input, output] = args.filter((a, i) => !a.startsWith('--') && (bboxAt < 0 || i !== bboxAt + 1));
  if (!input || !output || !output.endsWith('.pmtiles')) {
    console.error('usage: npm run basemap -- <in.osm.pbf> <out.pmtiles> [--bbox minLon,minLat,maxLon,maxLat]');
    process.exit(2);
  }
  try {
    osmToPmtiles({ input, output, bbox, log: console.log });
  } catch (err) {
    console.error(`osm-to-pmtiles: ${err.message}`);
    process.exit(1);
  }
}

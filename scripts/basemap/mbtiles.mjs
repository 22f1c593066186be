// Reads an MBTiles file (SQLite) with Debian's `sqlite3` command-line tool: Node 20 has
// no built-in SQLite (node:sqlite arrived in Node 22), and the CLI needs no native addon.
import { execFileSync } from 'node:child_process';

function sqlite(file, sql) {
  try {
    return execFileSync('sqlite3', ['-readonly', '-batch', '-noheader', '-separator', '|', file, sql], {
      encoding: 'utf8',
      maxBuffer: 1024 ** 3,
    });
  } catch (err) {
    if (err.code === 'ENOENT') {
      throw new Error('sqlite3 is not installed: `apt-get install -y sqlite3` (it reads the MBTiles that tilemaker writes)');
    }
    throw new Error(`${file}: sqlite3 failed: ${err.stderr || err.message}`);
  }
}

export function hasSqlite3() {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Metadata (name → value) and tiles in XYZ order (MBTiles rows are TMS: y counts from the south). */
export function readMbtiles(file) {
  const metadata = {};
  for (const line of sqlite(file, "SELECT name, replace(replace(value, char(10), ' '), char(13), ' ') FROM metadata;").split('\n')) {
    const bar = line.indexOf('|');
    if (bar > 0) metadata[line.slice(0, bar)] = line.slice(bar + 1);
  }
  const tiles = [];
  for (const line of sqlite(file, 'SELECT zoom_level, tile_column, tile_row, hex(tile_data) FROM tiles;').split('\n')) {
    if (!line) continue;
    const [z, x, row, hex] = line.split('|');
    const zoom = Number(z);
    tiles.push({ z: zoom, x: Number(x), y: 2 ** zoom - 1 - Number(row), data: Buffer.from(hex, 'hex') });
  }
  return { metadata, tiles };
}

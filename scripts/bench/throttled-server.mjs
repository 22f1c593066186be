// A static host as a citizen's phone sees it (issue 14's byte budget): dist/ served at a
// sub-path, text, JSON and wasm gzipped as real static hosts do, Range requests (PMTiles)
// answered uncompressed, and every response held back to a shared 9 Mbit/s link with
// 150 ms added before its first byte. Throttling here, not in CDP, also catches the
// worker's fetches. Counts the bytes each response put on the wire, by kind.
import { createServer } from 'node:http';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { TYPES } from '../serve-static.mjs';

const GZIPPED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.topojson', '.wasm', '.svg', '.csv']);

/** What a request fetched, for the bytes-by-kind table. */
export function kindOf(rel) {
  const ext = path.extname(rel).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.wasm') return 'wasm';
  if (ext === '.css') return 'styles';
  if (ext === '.pmtiles' || rel.includes('/tiles/')) return 'tiles';
  if (rel.includes('glyphs/') || ext === '.pbf') return 'glyphs';
  if (rel.includes('backdrop') || rel.includes('land-')) return 'backdrop';
  if (['.parquet', '.geojson', '.topojson', '.csv', '.arrow'].includes(ext) || rel.includes('published/')) return 'data';
  return 'other';
}

/**
 * Serve `root` at `base` over a shared link of `bitsPerSecond` with `latencyMs` before
 * each response. `log` collects { t, path, kind, bytes, status, doneMs } per response.
 */
export function serveThrottled({ root, base = '/a/b/', bitsPerSecond = 9e6, latencyMs = 150 }) {
  const bytesPerMs = bitsPerSecond / 8 / 1000;
  const log = [];
  /** Every chunk as it left: [ms since start, bytes, kind]. */
  const wire = [];
  const gzipCache = new Map();
  let linkFreeAt = 0;
  const t0 = Date.now();

  /** Write `body` in 16 KiB chunks, each when the shared link has carried what came before. */
  const send = (res, body, entry) => {
    let at = 0;
    const next = () => {
      if (at >= body.length) {
        res.end();
        entry.doneMs = Date.now() - t0;
        return;
      }
      const chunk = body.subarray(at, at + 16_384);
      at += chunk.length;
      const now = Date.now();
      linkFreeAt = Math.max(linkFreeAt, now) + chunk.length / bytesPerMs;
      entry.bytes += chunk.length;
      const leaves = linkFreeAt;
      setTimeout(() => {
        wire.push([leaves - t0, chunk.length, entry.kind]);
        res.write(chunk, next);
      }, Math.max(0, linkFreeAt - now));
    };
    next();
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    setTimeout(() => {
      const entry = { t: Date.now() - t0, path: url.pathname, kind: 'other', bytes: 0, status: 200, doneMs: null };
      log.push(entry);
      if (!url.pathname.startsWith(base)) return void res.writeHead((entry.status = 404)).end();
      let rel = decodeURIComponent(url.pathname.slice(base.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      entry.kind = kindOf(rel);
      const file = path.resolve(root, rel);
      let size;
      try {
        if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error('outside');
        const st = statSync(file);
        if (!st.isFile()) throw new Error('not a file');
        size = st.size;
      } catch {
        return void res.writeHead((entry.status = 404)).end();
      }
      const ext = path.extname(file).toLowerCase();
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range && (range[1] || range[2])) {
        const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
        if (start >= size || end < start) return void res.writeHead((entry.status = 416), { 'content-range': `bytes */${size}` }).end();
        const body = readRange(file, start, end + 1 - start);
        res.writeHead((entry.status = 206), { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': body.length });
        return void send(res, body, entry);
      }
      let body;
      if (GZIPPED.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipCache.get(file) ?? gzipSync(readFileSync(file), { level: 6 });
        gzipCache.set(file, body);
        headers['content-encoding'] = 'gzip';
      } else {
        body = readFileSync(file);
      }
      res.writeHead(200, { ...headers, 'content-length': body.length });
      if (req.method === 'HEAD') return void res.end();
      send(res, body, entry);
    }, latencyMs);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}${base}`,
        log,
        wire,
        /** Milliseconds on the server's clock (the log's and the wire's). */
        now: () => Date.now() - t0,
        /** Start a new measurement: the log and the link's queue empty. */
        reset() {
          log.length = 0;
          wire.length = 0;
          linkFreeAt = 0;
        },
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}

/** `length` bytes of `file` from `start`: a Range answer reads only what it sends. */
function readRange(file, start, length) {
  const out = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, out, done, length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return done === length ? out : out.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

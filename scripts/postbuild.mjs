#!/usr/bin/env node
// Derives what dist/ must agree on from dist/citylens.config.json: the Content-Security-Policy
// in dist/index.html (connect-src from its connectOrigins and basemap origins) and the
// backdrop's detailed coastline (cut to its extent). Then lists dist/'s files and sizes.
// Rerun it after editing the config in a deployed dist/:  node scripts/postbuild.mjs [dist]
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeBackdrop } from './basemap/backdrop.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const config = JSON.parse(readFileSync(path.join(dist, 'citylens.config.json'), 'utf8'));
// connectOrigins, plus the origin of every basemap the config names by absolute URL
// (a style's tiles, glyphs and sprites on yet another origin must be listed in connectOrigins).
const basemapUrls = (config.basemap?.basemaps ?? []).map((b) => b.url).filter((u) => /^https?:\/\//i.test(u));
const origins = [...new Set([...(config.connectOrigins ?? []), ...basemapUrls].map((o) => new URL(o).origin))];

const policy = [
  "default-src 'self'",
  // wasm-unsafe-eval lets the page compile WebAssembly; no inline or eval'd scripts.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  ['connect-src', "'self'", 'blob:', 'data:', ...origins].join(' '),
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const indexFile = path.join(dist, 'index.html');
let html = readFileSync(indexFile, 'utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
html = html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(indexFile, html);

const vendor = path.join(dist, 'vendor');
if (existsSync(vendor)) writeBackdrop(config, vendor);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const files = walk(dist).map((f) => ({ file: path.relative(dist, f), size: statSync(f).size }));
files.sort((a, b) => b.size - a.size);
const largest = files[0];
console.log(`postbuild: CSP written (connect-src 'self'${origins.length ? ' + ' + origins.join(' ') : ''}); ${files.length} files, largest ${largest.file} ${largest.size.toLocaleString('en-US')} B`);
if (largest.size > 25 * 1024 * 1024) {
  console.error(`postbuild: ${largest.file} is over 25 MiB; some static hosts refuse such files`);
  process.exit(1);
}

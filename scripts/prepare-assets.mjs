#!/usr/bin/env node
// Puts the files the app serves from its own origin into public/vendor/ (git-ignored):
// DuckDB-WASM gzipped (34 MB raw is over some static hosts' 25 MiB per-file cap; the
// engine worker inflates it) and the Natural Earth land backdrop as GeoJSON (1:110m for the
// world, 1:10m cut to the config's extent: basemap/backdrop.mjs).
// Runs before dev, start and build; skips work that is already up to date.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBackdrop } from './basemap/backdrop.mjs';
import { FONTS, fontFile, writeGlyphRanges } from './basemap/glyphs.mjs';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const vendor = path.join(root, 'public', 'vendor');
mkdirSync(vendor, { recursive: true });

function upToDate(src, dest) {
  return existsSync(dest) && statSync(dest).mtimeMs >= statSync(src).mtimeMs;
}

function build(src, dest, transform) {
  if (upToDate(src, dest)) return;
  const t0 = Date.now();
  writeFileSync(dest, transform(readFileSync(src)));
  console.log(`prepare-assets: ${path.relative(root, dest)} (${statSync(dest).size.toLocaleString('en-US')} B, ${Date.now() - t0} ms)`);
}

build(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), path.join(vendor, 'duckdb-eh.wasm.gz'), (b) =>
  gzipSync(b, { level: 9 }),
);
// The backdrop follows the config's extent, so it is written every time (about half a second).
{
  const t0 = Date.now();
  const config = JSON.parse(readFileSync(path.join(root, 'public', 'citylens.config.json'), 'utf8'));
  const sizes = writeBackdrop(config, vendor);
  rmSync(path.join(vendor, 'land-50m.geojson'), { force: true }); // the backdrop before 1:10m detail
  console.log(`prepare-assets: public/vendor/ backdrop (world ${sizes.world.toLocaleString('en-US')} B, detail ${sizes.detail.toLocaleString('en-US')} B, ${Date.now() - t0} ms)`);
}

// Glyph PBFs for the basemap styles' labels, made from the Noto Sans TTFs (see glyphs.mjs).
const glyphScript = path.join(root, 'scripts', 'basemap', 'glyphs.mjs');
for (const name of Object.keys(FONTS)) {
  const ttf = fontFile(name);
  const marker = path.join(vendor, 'glyphs', name, '0-255.pbf');
  if (existsSync(marker) && statSync(marker).mtimeMs >= Math.max(statSync(ttf).mtimeMs, statSync(glyphScript).mtimeMs)) continue;
  const t0 = Date.now();
  const files = writeGlyphRanges(name, ttf, path.join(vendor, 'glyphs'));
  console.log(`prepare-assets: public/vendor/glyphs/${name}/ (${files} ranges, ${Date.now() - t0} ms)`);
}

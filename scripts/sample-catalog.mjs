#!/usr/bin/env node
// Builds the dev-time sample catalog: copies the real datasets from ../shared/data (or
// $CITYLENS_SHARED_DATA) into public/data/sample/ (git-ignored, never committed) and
// writes catalog.json with each file's title, city, rows, source and licence, read from
// that folder's README. Without ../shared the app still starts and explains how to load data.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleBasemaps } from './basemap/sample-basemaps.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shared = process.env.CITYLENS_SHARED_DATA ?? path.resolve(root, '../shared/data');
const out = path.join(root, 'public', 'data', 'sample');

if (!existsSync(path.join(shared, 'README.md'))) {
  rmSync(out, { recursive: true, force: true });
  console.log(`sample-catalog: no shared data at ${shared}; the app will start empty and explain how to load data.`);
  sampleBasemaps(root);
  process.exit(0);
}

/** Rows of the README's first Markdown table, keyed by its header cells. */
function readmeTable(text) {
  const lines = text.split('\n').filter((l) => l.startsWith('|'));
  const cells = (l) => l.slice(1, -1).split(' | ').map((c) => c.trim());
  const header = cells(lines[0]);
  return lines
    .slice(2)
    .map(cells)
    .filter((c) => c.length === header.length)
    .map((c) => Object.fromEntries(header.map((h, i) => [h, c[i]])));
}

const stripMarkdown = (s) => s.replace(/`/g, '').replace(/\*\*/g, '');
const rows = readmeTable(readFileSync(path.join(shared, 'README.md'), 'utf8'));
mkdirSync(out, { recursive: true });
const datasets = [];
// The file's stem, or stem_extension where two files share a stem (tracts as GeoJSON and
// Parquet), as a table id (src/config/dataset-entry.ts): a config dataset of the same file
// then has the same id, and the catalog does not list it twice.
const stem = (file) => file.replace(/\.[^.]+$/, '');
const stems = rows.map((r) => stem(stripMarkdown(r.file)));
const asId = (s) => s.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
const sampleId = (file) => asId(stems.filter((s) => s === stem(file)).length > 1 ? file.replace(/\.([^.]+)$/, '_$1') : stem(file));
for (const row of rows) {
  const file = stripMarkdown(row.file);
  const src = path.join(shared, file);
  if (!existsSync(src)) continue;
  const dest = path.join(out, file);
  if (!existsSync(dest) || statSync(dest).size !== statSync(src).size) copyFileSync(src, dest);
  datasets.push({
    id: sampleId(file),
    file,
    city: stripMarkdown(row.city),
    rows: Number(row.rows.replace(/,/g, '')),
    source: stripMarkdown(row['source (repo@commit path / npm)'] ?? ''),
    licence: stripMarkdown(row.license ?? ''),
    bytes: statSync(src).size,
  });
}
writeFileSync(path.join(out, 'catalog.json'), JSON.stringify({ version: 1, datasets }, null, 2));
console.log(`sample-catalog: ${datasets.length} datasets from ${shared} → ${path.relative(root, out)}/`);
sampleBasemaps(root);

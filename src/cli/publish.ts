// `npm run cli -- publish <config> --out <dir>`: precomputes, with the same engine, every
// layer the config's stories show (and its visible layers, for the analyst view's first
// frame) as small JSON files the citizen view draws without DuckDB-WASM or parquet-wasm,
// plus a manifest of what they were computed from. The config is left as it is.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nodePlatform } from '../engine/platform-node';
import { createEngineService } from '../engine/service/engine-service';
import type { DatasetInfo } from '../engine/protocol';
import { parseConfig } from '../config/validate';
import type { DashboardConfig } from '../config/dashboard';
import { isAggregateLayer, type LayerSpec } from '../config/layer';
import { Catalog } from '../config/catalog';
import { MANIFEST_FILE, PUBLISHED_DIR, PUBLISHED_VERSION, type PublishManifest, type PublishedLayer } from '../config/published';
import { sideHash, sideKey, sidePair, type SideName } from '../config/side-window';
import type { TimeWindow } from '../config/view';
import { layerHash, publishedQuery } from '../config/dataset-time';
import { publishedLayer, sharedScale } from '../map/published-layer';
import { UsageError } from './args';

/** The ids of the layers a config's story steps show, in order of first use, then its visible layers. */
export function layersToPublish(config: DashboardConfig): string[] {
  const ids: string[] = [];
  const add = (list: readonly string[] | undefined) => list?.forEach((id) => ids.includes(id) || ids.push(id));
  for (const story of config.stories) {
    // A before/after side's layers are published per side, over its window (below).
    for (const step of story.steps) add(step.map?.layers);
  }
  add(config.layers.filter((l) => l.visible).map((l) => l.id));
  return ids;
}

/** Where each dataset id's file is: the config's datasets, then its catalog's. */
function dataFiles(config: DashboardConfig, configPath: string): Map<string, string> {
  const dir = path.dirname(configPath);
  const files = new Map<string, string>();
  if (config.catalog) {
    const catalogPath = path.resolve(dir, config.catalog);
    const catalog = Catalog.parse(JSON.parse(readFileSync(catalogPath, 'utf8')));
    for (const e of catalog.datasets) files.set(e.id, path.resolve(path.dirname(catalogPath), e.file));
  }
  for (const d of config.datasets) files.set(d.id, path.resolve(dir, d.url));
  return files;
}

export async function publish(configPath: string, outDir: string, say: (line: string) => void): Promise<PublishManifest> {
  const fileName = path.basename(configPath);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (err) {
    throw new UsageError(`${fileName}: ${(err as Error).message}`);
  }
  const config = parseConfig(json, fileName);
  const files = dataFiles(config, configPath);
  const service = createEngineService(nodePlatform);
  await service.init({ baseUrl: 'file:///' });
  const loaded = new Map<string, DatasetInfo>();
  const read = new Map<string, { url: string; bytes: number; lastModified: string | null }>();
  const datasetOf = async (id: string): Promise<DatasetInfo> => {
    const have = loaded.get(id);
    if (have) return have;
    const file = files.get(id);
    if (!file) throw new UsageError(`${fileName}: no file for dataset "${id}"`);
    const entry = config.datasets.find((d) => d.id === id);
    const info = await service.loadUrl(file, { ...(entry?.timeZone ? { timeZone: entry.timeZone } : {}), ...(entry?.roles?.lon && entry.roles.lat ? { lon: entry.roles.lon, lat: entry.roles.lat } : {}) });
    loaded.set(id, info);
    const st = statSync(file);
    read.set(id, { url: path.relative(path.dirname(configPath), file).split(path.sep).join('/'), bytes: st.size, lastModified: st.mtime.toUTCString() });
    return info;
  };

  const manifest: PublishManifest = { version: PUBLISHED_VERSION, createdAt: new Date().toISOString(), layers: {} };
  mkdirSync(path.join(outDir, PUBLISHED_DIR), { recursive: true });
  const specOf = (id: string): LayerSpec => {
    const spec = config.layers.find((l) => l.id === id);
    if (!spec) throw new UsageError(`${fileName}: a story shows layer "${id}", which the config does not define`);
    return spec;
  };
  /**
   * The layer's answer as the analyst view opens with it: over its dataset's configured time
   * state, or over `time` when given (a before/after side's window); its own hours and
   * weekdays hold within either.
   */
  const run = async (spec: LayerSpec & { kind: 'grid' | 'hexagon' | 'h3' | 'districts' }, time?: TimeWindow) => {
    const points = await datasetOf(spec.dataset);
    const districts = spec.kind === 'districts' ? await datasetOf(spec.districts) : null;
    const windowed = publishedQuery(spec, config, points, districts, time);
    const answer = await service.query({ type: 'layer', layer: windowed });
    const shapes = districts ? (await service.query({ type: 'polygons', dataset: districts.id })).value : null;
    const data = [spec.dataset, ...(spec.kind === 'districts' ? [spec.districts] : [])].map((d) => read.get(d)!);
    return { answer: answer.value, sql: answer.sql ?? '', shapes, data };
  };
  const write = (key: string, layer: PublishedLayer, data: PublishManifest['layers'][string]['data'], t0: number) => {
    const file = `${PUBLISHED_DIR}/${key}.json`;
    const text = JSON.stringify(layer);
    writeFileSync(path.join(outDir, file), text);
    manifest.layers[key] = { file, hash: layer.hash, bytes: text.length, data };
    say(`${key}: ${layer.features.features.length.toLocaleString('en-US')} areas, ${(text.length / 1024).toFixed(0)} KiB, ${(performance.now() - t0).toFixed(0)} ms → ${file}`);
  };
  for (const id of layersToPublish(config)) {
    const spec = specOf(id);
    if (!isAggregateLayer(spec)) {
      say(`skipped ${id}: a ${spec.kind} layer draws its dataset as it is; only grid, hexagon, H3 and district layers are published`);
      continue;
    }
    const t0 = performance.now();
    const { answer, sql, shapes, data } = await run(spec);
    const hash = await layerHash(spec, config);
    write(id, publishedLayer({ spec, answer, shapes, minCount: config.minCount, hash, sql }), data, t0);
  }
  // Before/after sides: each side's layers over its window, a layer on both sides under one scale.
  for (const story of config.stories) {
    for (const step of story.steps) {
      const pair = sidePair(step);
      if (!pair || !step.beforeAfter) continue;
      const shown = (side: SideName) => step.beforeAfter![side].layers ?? step.map?.layers ?? config.layers.filter((l) => l.visible).map((l) => l.id);
      const ids = [...new Set([...shown('before'), ...shown('after')])];
      for (const id of ids) {
        const spec = specOf(id);
        if (!isAggregateLayer(spec)) continue;
        const t0 = performance.now();
        const sides = (['before', 'after'] as const).filter((side) => shown(side).includes(id));
        const runs = [];
        for (const side of sides) runs.push(await run(spec, pair[side]));
        const scale = runs.length > 1 ? sharedScale(spec, runs.map((r) => r.answer)) ?? undefined : undefined;
        for (const [i, side] of sides.entries()) {
          const key = await sideKey(id, pair, side);
          if (manifest.layers[key]) continue;
          const hash = await sideHash(spec, config.minCount, pair, side);
          const r = runs[i];
          const time = pair[side];
          write(key, publishedLayer({ spec, answer: r.answer, shapes: r.shapes, minCount: config.minCount, hash, sql: r.sql, scale, ...(time ? { time } : {}) }), r.data, t0);
        }
      }
    }
  }
  writeFileSync(path.join(outDir, PUBLISHED_DIR, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
  return manifest;
}

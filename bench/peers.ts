// The tools a user would reach for instead, run in the same page on the same data:
// deck.gl's CPU aggregation layers, turf's point-in-polygon join, h3-js on the main
// thread, and a plain JSON.parse pipeline for GeoJSON.
import { Deck, type Layer } from '@deck.gl/core';
import { GridLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import { featureCollection, point, tag } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { latLngToCell } from 'h3-js';
import { state } from './engine-ops';
import { timed } from './probe';

/** Results go here so no engine can drop the work as unused. */
export const sink: unknown[] = [];

function pointsOf(key: string) {
  const p = state.positions.get(key);
  if (!p) throw new Error(`no positions for "${key}" (run the "positions" step first)`);
  return p;
}

export let deck: Deck | null = null;
let deckReady: Promise<void> | null = null;
let layerSeq = 0;

export function startDeck(center: [number, number], zoom = 10): Promise<void> {
  deckReady ??= new Promise<void>((resolve, reject) => {
    deck = new Deck({
      parent: document.getElementById('deck') as HTMLDivElement,
      width: 800,
      height: 600,
      initialViewState: { longitude: center[0], latitude: center[1], zoom },
      controller: false,
      layers: [],
      onLoad: () => resolve(),
      onError: (err) => reject(err),
    });
  });
  return deckReady;
}

/**
 * deck.gl's HexagonLayer / GridLayer with CPU aggregation (gpuAggregation: false, as
 * kepler.gl uses them), positions through an accessor over typed arrays, timed from
 * handing the new layer to Deck until onSetColorDomain: the aggregation is done.
 */
export async function deckAggregate({ key, kind, sizeM }: { key: string; kind: 'hex' | 'grid'; sizeM: number }) {
  const { lon, lat } = pointsOf(key);
  await startDeck([lon[0], lat[0]]);
  const getPosition = (_: unknown, { index, target }: { index: number; target: number[] }) => {
    target[0] = lon[index];
    target[1] = lat[index];
    return target as [number, number];
  };
  let layer: Layer;
  const t = await timed(
    () =>
      new Promise<[number, number]>((resolve) => {
        const common = {
          id: `${kind}-${++layerSeq}`,
          data: { length: lon.length },
          getPosition,
          gpuAggregation: false,
          onSetColorDomain: resolve,
        };
        layer =
          kind === 'hex'
            ? new HexagonLayer({ ...common, radius: sizeM } as never)
            : new GridLayer({ ...common, cellSize: sizeM } as never);
        deck!.setProps({ layers: [layer] });
      }),
  );
  sink.push(t.value);
  deck!.setProps({ layers: [] });
  return { ms: t.ms, longTasks: t.longTasks, points: lon.length, colorDomain: t.value };
}

/** Release the WebGL context before the next steps. */
export function deckDone() {
  deck?.finalize();
  deck = null;
  deckReady = null;
  return { ms: 0 };
}

/** A small seeded PRNG (uniform in [0, 1)), so every run draws the same points. */
export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random sample of point indices (with replacement), so every run is the same. */
export function sampleIndices(n: number, size: number, seed: number): Uint32Array {
  const rand = mulberry32(seed);
  const out = new Uint32Array(Math.min(size, n));
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(rand() * n);
  return out;
}

const polygonCache = new Map<string, FeatureCollection<Polygon | MultiPolygon>>();

/**
 * turf.tag (the faster of tag and pointsWithinPolygon here) of a point sample against
 * the polygons, then a count per polygon: the district join as a turf user writes it.
 * Building the point features is not timed. Time per point scales to the full set.
 */
export async function turfJoin({ key, polygonsUrl, field, sample, seed }: { key: string; polygonsUrl: string; field: string; sample: number; seed: number }) {
  const { lon, lat } = pointsOf(key);
  let polygons = polygonCache.get(polygonsUrl);
  if (!polygons) {
    polygons = (await (await fetch(polygonsUrl)).json()) as FeatureCollection<Polygon | MultiPolygon>;
    polygonCache.set(polygonsUrl, polygons);
  }
  const idx = sampleIndices(lon.length, sample, seed);
  const pts = featureCollection(Array.from(idx, (i) => point([lon[i], lat[i]])));
  const t = await timed(() => {
    const tagged = tag(pts, polygons, field, '__district');
    const counts = new Map<unknown, number>();
    for (const f of tagged.features) {
      const d = f.properties?.__district;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    return counts;
  });
  sink.push(t.value.size);
  return {
    ms: t.ms,
    longTasks: t.longTasks,
    sample: idx.length,
    fullPoints: lon.length,
    scaledMs: (t.ms / idx.length) * lon.length,
    districtsHit: t.value.size,
  };
}

/**
 * h3-js latLngToCell on the main thread + a Map count: H3 binning as a JS user writes it.
 * With `sample`, a seeded sample is timed and the time per point scaled to all points.
 */
export async function h3js({ key, resolution, sample }: { key: string; resolution: number; sample?: number }) {
  const { lon, lat } = pointsOf(key);
  const idx = sample && sample < lon.length ? sampleIndices(lon.length, sample, 11) : null;
  const n = idx ? idx.length : lon.length;
  const t = await timed(() => {
    const counts = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const i = idx ? idx[k] : k;
      const cell = latLngToCell(lat[i], lon[i], resolution);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    return counts;
  });
  sink.push(t.value.size);
  return { ms: t.ms, longTasks: t.longTasks, points: n, fullPoints: lon.length, scaledMs: (t.ms / n) * lon.length, cells: t.value.size };
}

/** fetch → text → JSON.parse → one row object per feature (properties + geometry). */
export async function jsonLoad({ url }: { url: string }) {
  const t = await timed(async () => {
    const text = await (await fetch(url, { cache: 'no-store' })).text();
    const fc = JSON.parse(text) as FeatureCollection;
    return fc.features.map((f: Feature) => ({ ...f.properties, geometry: f.geometry }));
  });
  sink.push(t.value.length);
  return { ms: t.ms, longTasks: t.longTasks, rows: t.value.length };
}

// Benchmark operations on the real engine worker (src/engine/worker.ts), called by the
// runner one at a time through window.runBench. Each returns plain JSON. The engine is
// reached through the app's own connector (src/ui/engine-client.ts), without the
// coordinator: its cache would answer repeated requests without the engine.
import type { AggregateRequest, DatasetInfo, PointMarks, RequestType } from '../src/engine/protocol';
import { connectWorker } from '../src/ui/engine-client';
import type { Connector } from '../src/ui/connector';
import { pageMemory, timed } from './probe';

/** Page-wide state shared by the engine operations and the peers. */
export const state = {
  api: null as Connector | null,
  /** Set when the worker dies (e.g. out of memory): pending calls would never settle. */
  workerError: null as string | null,
  datasets: new Map<string, DatasetInfo>(),
  /** Absolute lon/lat of a point dataset, for the main-thread peers and the synthetic data. */
  positions: new Map<string, { lon: Float64Array; lat: Float64Array }>(),
  /** The engine's point marks of a dataset, as the app draws them. */
  marks: new Map<string, PointMarks>(),
  /** The request types the engine answers (its 'capabilities' request). */
  capabilities: [] as RequestType[],
};

let rejectOnDeath: (reason: Error) => void = () => {};
const death = new Promise<never>((_, reject) => (rejectOnDeath = reject));
death.catch(() => {});

/** An engine call that fails at once if the worker has died instead of hanging. */
export function call<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, death]);
}

export function api(): Connector {
  if (!state.api) throw new Error('the engine is not started (run the "init" step first)');
  return state.api;
}

export async function init(baseUrl: string) {
  // The same worker entry the app starts (src/ui/engine-client.ts), built from source.
  const worker = new Worker(new URL('../src/engine/worker.ts', import.meta.url), { type: 'module', name: 'citylens-engine' });
  worker.addEventListener('error', (e) => {
    state.workerError = e.message || 'the engine worker failed';
    rejectOnDeath(new Error(state.workerError));
  });
  state.api = connectWorker(worker);
  const t = await timed(() => call(api().init({ baseUrl })));
  state.capabilities = (await call(api().query({ type: 'capabilities' }))).value;
  return { ms: t.ms, longTasks: t.longTasks, engineInitMs: t.value.initMs, duckdb: t.value.duckdbVersion, capabilities: state.capabilities };
}

function summary(info: DatasetInfo) {
  return {
    id: info.id,
    rows: info.rows,
    format: info.format,
    geometry: info.geometry.kind,
    engineLoadMs: info.loadMs,
    memoryBytes: info.memoryBytes ?? null,
    timeRange: info.timeRange ?? null,
  };
}

export async function load({ key, url, name }: { key: string; url: string; name?: string }) {
  const t = await timed(() => call(api().loadUrl(new URL(url, location.href).href, { name: name ?? key })));
  state.datasets.set(key, t.value);
  return { ms: t.ms, longTasks: t.longTasks, ...summary(t.value) };
}

export async function loadBytes({ key, fileName, bytes }: { key: string; fileName: string; bytes: Uint8Array }) {
  // The connector transfers the bytes to the worker.
  const t = await timed(() => call(api().loadBytes(fileName, bytes, { name: key })));
  state.datasets.set(key, t.value);
  return { ms: t.ms, longTasks: t.longTasks, ...summary(t.value) };
}

export function datasetId(key: string): string {
  const info = state.datasets.get(key);
  if (!info) throw new Error(`dataset "${key}" is not loaded`);
  return info.id;
}

export async function remove({ key }: { key: string }) {
  await call(api().query({ type: 'remove', dataset: datasetId(key) }));
  state.datasets.delete(key);
  return { ms: 0 };
}

/** A request whose dataset (and district polygons) are given by benchmark keys. */
export interface BenchRequest extends Omit<AggregateRequest, 'dataset'> {
  points: string;
}

export function resolveRequest({ points, ...rest }: BenchRequest): AggregateRequest {
  const by = rest.by.kind === 'districts' ? { ...rest.by, polygons: datasetId(rest.by.polygons) } : rest.by;
  return { ...rest, by, dataset: datasetId(points) };
}

export async function aggregate(req: BenchRequest) {
  const request = resolveRequest(req);
  const t = await timed(() => call(api().query({ type: 'aggregate', ...request })));
  const r = t.value.value;
  return {
    ms: t.ms,
    longTasks: t.longTasks,
    cells: r.length,
    rows: r.rows,
    assignment: r.assignment,
    engine: r.timings,
  };
}

/**
 * Slide a time window over the data and re-aggregate as fast as results come back,
 * one request in flight at a time (what a UI slider does), for `durationMs`.
 */
export async function timeWindow(p: BenchRequest & { column: string; zone?: string; from: number; to: number; windowMs: number; stepMs: number; durationMs: number; shiftMs?: number }) {
  const { column, zone, from, to, windowMs, stepMs, durationMs, shiftMs = 0, ...base } = p;
  const request = resolveRequest(base);
  const latencies: number[] = [];
  let start = from;
  let rows = 0;
  let fromCube = 0;
  let cubeBuildMs: number | null = null;
  let cubeBytes: number | null = null;
  const t = await timed(async () => {
    const t0 = performance.now();
    while (performance.now() - t0 < durationMs) {
      if (start + windowMs > to) start = from;
      const q0 = performance.now();
      // Epoch ms are instants; `shiftMs` moves both bounds off the hour bins (the rescan peer).
      const time = { column, zone, from: start + shiftMs, to: start + windowMs + shiftMs };
      const { value: r } = await call(api().query({ type: 'aggregate', ...request, time }));
      latencies.push(performance.now() - q0);
      rows += r.rows;
      if (r.cube) {
        fromCube++;
        cubeBytes = r.cube.bytes;
        if (r.cube.buildMs !== null) cubeBuildMs = r.cube.buildMs;
      }
      start += stepMs;
    }
  });
  latencies.sort((a, b) => a - b);
  return {
    ms: t.ms,
    longTasks: t.longTasks,
    aggregations: latencies.length,
    perSecond: latencies.length / (t.ms / 1000),
    medianLatencyMs: latencies[latencies.length >> 1],
    meanRowsPerWindow: rows / latencies.length,
    fromCube,
    cubeBuildMs,
    cubeBytes,
  };
}

/**
 * A point layer's marks (distinct positions with counts) → the main thread, timed; then,
 * untimed, one absolute position per row, kept in the page for peers and resampling.
 */
export async function positions({ key }: { key: string }) {
  const t = await timed(async () => (await call(api().query({ type: 'point-marks', dataset: datasetId(key) }))).value);
  const { offsets, origin, counts, rows, marks } = t.value;
  const lon = new Float64Array(rows);
  const lat = new Float64Array(rows);
  for (let m = 0, row = 0; m < marks; m++) {
    lon.fill(origin[0] + offsets[2 * m], row, row + counts[m]);
    lat.fill(origin[1] + offsets[2 * m + 1], row, row + counts[m]);
    row += counts[m];
  }
  state.positions.set(key, { lon, lat });
  state.marks.set(key, t.value);
  return { ms: t.ms, longTasks: t.longTasks, count: rows, marks };
}

export async function memory() {
  const page = await pageMemory();
  let engine = null;
  let engineError: string | undefined;
  try {
    engine = (await call(api().query({ type: 'memory' }))).value;
  } catch (err) {
    engineError = String((err as Error).message ?? err);
  }
  return { ms: 0, ...page, engine, engineError };
}

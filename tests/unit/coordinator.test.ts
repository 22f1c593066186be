// The main thread's coordinator against a fake connector that records every remote call
// and answers when the test says: stable keys, the caches, joined requests, supersede,
// layer geometry kept by key, and round trips counted per layer.
import { describe, expect, it } from 'vitest';
import type { EngineAnswer, EngineRequest, LayerQuery, LayerResult, PolygonMesh } from '../../src/engine/protocol';
import type { Connector } from '../../src/ui/connector';
import { createCoordinator } from '../../src/ui/coordinator';
import { createLruCache } from '../../src/ui/cache-lru';
import { createNoCache } from '../../src/ui/cache-none';
import { requestKey } from '../../src/ui/request-key';

interface Call {
  request: EngineRequest;
  signal?: AbortSignal;
  resolve(a: EngineAnswer): void;
  reject(e: unknown): void;
}

/** A connector whose queries wait until the test answers them (calls[i].resolve). */
function fakeConnector() {
  const calls: Call[] = [];
  const connector: Connector = {
    init: async () => ({ duckdbVersion: 'fake', bundle: 'fake', initMs: 0 }),
    loadUrl: async () => {
      throw new Error('not used');
    },
    loadBytes: async () => {
      throw new Error('not used');
    },
    loadFile: async () => {
      throw new Error('not used');
    },
    query(request, call) {
      return new Promise((resolve, reject) => {
        calls.push({ request, signal: call?.signal, resolve: resolve as Call['resolve'], reject });
        call?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
      });
    },
  };
  return { connector, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const answerTo = (request: EngineRequest, value: unknown): EngineAnswer =>
  ({ request, sql: null, method: null, value }) as EngineAnswer;

const agg = (stat: 'count' | 'sum', extra: object = {}): EngineRequest => ({
  type: 'aggregate',
  dataset: 'pts',
  by: { kind: 'grid', sizeM: 500 },
  stat,
  value: stat === 'sum' ? 'v' : undefined,
  ...extra,
});

const MESH: PolygonMesh = {
  featureCount: 1,
  coords: Float64Array.from([0, 0, 1, 0, 1, 1, 0, 0]),
  polygonStarts: Uint32Array.from([0, 4]),
  vertexValid: Uint16Array.from([1, 1, 1, 0]),
  triangles: Uint32Array.from([0, 1, 2]),
  polygonFeature: Uint32Array.from([0]),
  vertexFeature: Uint32Array.from([0, 0, 0, 0]),
  ringStarts: Uint32Array.from([0, 4]),
};
const districts = (stat: 'count' | 'sum'): LayerQuery => ({
  kind: 'districts',
  dataset: 'pts',
  by: { kind: 'districts', polygons: 'poly' },
  stat,
  value: stat === 'sum' ? 'v' : undefined,
});

/** What the worker would answer to a district layer request: the mesh unless `have` lists it. */
function layerAnswer(request: EngineRequest, values: number[]): EngineAnswer {
  if (request.type !== 'layer') throw new Error('expected a layer request');
  const key = 'mesh:poly:1';
  const value: LayerResult = {
    kind: 'areas',
    mesh: { key, data: request.have?.includes(key) ? null : MESH },
    result: null,
    values: Float64Array.from(values),
    names: ['A'],
    analysis: null,
  };
  return answerTo(request, value);
}

describe('request keys', () => {
  it('are the same whatever the order of fields, and leave out undefined ones', () => {
    expect(requestKey({ b: 1, a: { d: [2, 3], c: undefined } })).toBe('{"a":{"d":[2,3]},"b":1}');
    expect(requestKey({ a: { d: [2, 3] }, b: 1 })).toBe(requestKey({ b: 1, a: { d: [2, 3], c: undefined } }));
    expect(requestKey({ a: [3, 2] })).not.toBe(requestKey({ a: [2, 3] }));
  });
});

describe('caches', () => {
  it('LRU drops the least recently used entry, a get counting as a use', () => {
    const c = createLruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.keys()).toEqual(['a', 'c']);
    expect(c.get('b')).toBeUndefined();
    c.set('a', 10);
    c.set('d', 4);
    expect(c.keys()).toEqual(['a', 'd']);
    expect(() => createLruCache(0)).toThrow(/capacity of at least 1/);
  });

  it('the no-op cache holds nothing', () => {
    const c = createNoCache<number>();
    c.set('a', 1);
    expect(c.get('a')).toBeUndefined();
    expect(c.keys()).toEqual([]);
  });
});

describe('coordinator', () => {
  it('joins identical requests in flight and answers a repeat from the cache', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const a = co.query(agg('count'));
    // The same request written in another order is the same request.
    const b = co.query({ by: { sizeM: 500, kind: 'grid' }, dataset: 'pts', stat: 'count', type: 'aggregate' });
    expect(calls).toHaveLength(1);
    const answer = answerTo(calls[0].request, { rows: 7 });
    calls[0].resolve(answer);
    expect(await a).toBe(answer);
    expect(await b).toBe(answer);
    expect(await co.query(agg('count'))).toBe(answer);
    expect(calls).toHaveLength(1);
    expect(co.remoteCalls()).toBe(1);
  });

  it('with the no-op cache, a repeat goes to the engine again', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector, cache: createNoCache() });
    const first = co.query(agg('count'));
    calls[0].resolve(answerTo(calls[0].request, { rows: 7 }));
    await first;
    void co.query(agg('count'));
    expect(calls).toHaveLength(2);
  });

  it('never caches answers that change with the engine (memory, datasets)', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const m1 = co.query({ type: 'memory' });
    const m2 = co.query({ type: 'memory' });
    expect(calls).toHaveLength(2);
    calls[0].resolve(answerTo(calls[0].request, 1));
    calls[1].resolve(answerTo(calls[1].request, 2));
    expect([(await m1).value, (await m2).value]).toEqual([1, 2]);
  });

  it('supersede: a newer request for the same slot cancels the older one', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const old = co.supersede('layer-1', agg('count'));
    const next = co.supersede('layer-1', agg('sum'));
    await expect(old).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0].signal!.aborted).toBe(true);
    calls[1].resolve(answerTo(calls[1].request, { rows: 3 }));
    expect((await next).value).toEqual({ rows: 3 });
    // The same request again for the slot joins the one pending, no new call.
    const same = co.supersede('layer-2', agg('count', { minCount: 0 }));
    expect(co.supersede('layer-2', agg('count', { minCount: 0 }))).toBe(same);
    expect(calls).toHaveLength(3);
    expect([co.remoteCalls('layer-1'), co.remoteCalls('layer-2')]).toEqual([2, 1]);
  });

  it('keeps a joined request running while another slot still waits for it', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const mine = co.supersede('a', agg('count'));
    const theirs = co.supersede('b', agg('count'));
    expect(calls).toHaveLength(1);
    void co.supersede('a', agg('sum'));
    await expect(mine).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0].signal!.aborted).toBe(false);
    calls[0].resolve(answerTo(calls[0].request, { rows: 9 }));
    expect((await theirs).value).toEqual({ rows: 9 });
    co.release('b');
  });

  it('release cancels what a slot waits for', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const p = co.supersede('gone', agg('count'));
    co.release('gone');
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0].signal!.aborted).toBe(true);
    // A cancelled request is not joined or cached: asking again goes to the engine.
    void co.query(agg('count'));
    expect(calls).toHaveLength(2);
  });

  it('a layer is one round trip; a new statistic re-sends only the values', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const first = co.supersede('L', { type: 'layer', layer: districts('count') });
    expect(calls[0].request).toEqual({ type: 'layer', layer: districts('count'), have: [] });
    calls[0].resolve(layerAnswer(calls[0].request, [5]));
    const v1 = (await first).value;
    expect(v1.kind === 'areas' && v1.mesh.data).toBe(MESH);
    expect(co.remoteCalls('L')).toBe(1);

    const second = co.supersede('L', { type: 'layer', layer: districts('sum') });
    expect(calls[1].request).toEqual({ type: 'layer', layer: districts('sum'), have: ['mesh:poly:1'] });
    calls[1].resolve(layerAnswer(calls[1].request, [50]));
    const v2 = (await second).value;
    // The answer came without the mesh; the coordinator put its own copy in.
    expect(v2.kind === 'areas' && [v2.mesh.data, Array.from(v2.values!)]).toEqual([MESH, [50]]);
    expect(co.remoteCalls('L')).toBe(2);
    // Back to the first statistic: answered from the cache, no round trip.
    await co.supersede('L', { type: 'layer', layer: districts('count') });
    expect(co.remoteCalls('L')).toBe(2);
  });

  it('asks again without `have` when the geometry it claimed to hold was evicted meanwhile', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const first = co.query({ type: 'layer', layer: districts('count') }, { slot: 'L' });
    calls[0].resolve(layerAnswer(calls[0].request, [5]));
    await first;
    const second = co.query({ type: 'layer', layer: districts('sum') }, { slot: 'L' });
    co.clear(); // drops the mesh while the request is out
    calls[1].resolve(layerAnswer(calls[1].request, [50]));
    await flush();
    expect(calls[2].request).toEqual({ type: 'layer', layer: districts('sum'), have: [] });
    calls[2].resolve(layerAnswer(calls[2].request, [50]));
    const v = (await second).value;
    expect(v.kind === 'areas' && v.mesh.data).toBe(MESH);
    expect(co.remoteCalls('L')).toBe(3);
  });

  it('forgets cached answers when a dataset is removed', async () => {
    const { connector, calls } = fakeConnector();
    const co = createCoordinator({ connector });
    const a = co.query(agg('count'));
    calls[0].resolve(answerTo(calls[0].request, { rows: 1 }));
    await a;
    const removed = co.query({ type: 'remove', dataset: 'pts' });
    calls[1].resolve(answerTo(calls[1].request, null));
    await removed;
    await flush();
    void co.query(agg('count'));
    expect(calls).toHaveLength(3);
  });
});

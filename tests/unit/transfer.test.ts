// Copy-before-transfer: the buffers of an answer, each once, and copies that share none.
import { describe, expect, it } from 'vitest';
import { copyArrays, transferList } from '../../src/engine/service/transfer';

describe('transfer', () => {
  it('lists every buffer under nested objects and arrays once', () => {
    const shared = new Float64Array(4);
    const view = new Uint8Array(shared.buffer, 8, 8);
    const other = new Uint32Array(2);
    const value = { a: shared, nested: { view, list: [other, { again: other }] }, names: ['x', 'y'], n: 3, nothing: null };
    const list = transferList(value);
    expect(list).toHaveLength(2);
    expect(new Set(list)).toEqual(new Set([shared.buffer, other.buffer]));
  });

  it('copies typed arrays into buffers of their own and leaves the original intact', () => {
    const original = { mesh: { coords: Float64Array.from([1, 2]), starts: Uint32Array.from([0, 1]) }, names: ['a'], k: 1 };
    const copy = copyArrays(original);
    expect(copy).toEqual(original);
    structuredClone(copy, { transfer: transferList(copy) });
    expect(copy.mesh.coords.byteLength).toBe(0);
    expect(Array.from(original.mesh.coords)).toEqual([1, 2]);
    expect(Array.from(original.mesh.starts)).toEqual([0, 1]);
  });
});

// The buffers of a result's typed arrays, for Comlink.transfer (each listed once:
// transferring the same buffer twice throws).
export function transferablesOf(result: object): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(result)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  }
  return [...out];
}

/** A shallow copy whose typed arrays are copies too: transfer it, keep the original. */
export function withArrayCopies<T extends object>(o: T): T {
  const out = { ...o } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (ArrayBuffer.isView(v) && 'slice' in v) out[k] = (v as Uint8Array).slice();
  return out as T;
}

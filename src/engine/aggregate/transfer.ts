// The buffers of a result's typed arrays, for Comlink.transfer (each listed once:
// transferring the same buffer twice throws).
export function transferablesOf(result: object): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(result)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  }
  return [...out];
}

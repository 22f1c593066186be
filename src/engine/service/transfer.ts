// Typed arrays cross the worker boundary transferred, not copied. Transferring detaches
// the sender's buffer, so whatever the engine keeps (loaded shapes, cached meshes) is
// copied first and the copy is transferred: copy-before-transfer.

/** Plain objects and arrays are walked; typed arrays are leaves; anything else is left alone. */
function isWalkable(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/**
 * Every ArrayBuffer under `value` (typed arrays in nested objects and arrays), each
 * once: transferring the same buffer twice throws.
 */
export function transferList(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const walk = (v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (Array.isArray(v)) {
      // Arrays of strings (feature names) hold no buffers: skip them without a walk.
      if (v.length && typeof v[0] !== 'string') for (const x of v) walk(x);
    } else if (isWalkable(v)) {
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(value);
  return [...out];
}

/**
 * A copy of `value` in which every typed array is a copy of its own (its own buffer),
 * and plain objects are new objects: transfer the copy, keep the original.
 */
export function copyArrays<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Uint8Array).slice() as unknown as T;
  if (Array.isArray(value)) return value.map((x) => copyArrays(x)) as unknown as T;
  if (!isWalkable(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copyArrays(v);
  return out as T;
}

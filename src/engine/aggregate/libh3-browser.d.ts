// h3-js ships its compiled C core (emscripten, plain JS) as an ES module without types.
// Only the members h3-core.ts calls are declared; all are optional so that h3-core.ts
// must check them (a later h3-js may rename or drop them).
declare module 'h3-js/dist/libh3-browser.js' {
  /** The emscripten module of libh3: exported C functions (prefixed `_`) and views of its heap. */
  interface Libh3 {
    /** C malloc: a heap byte address. */
    _malloc?: (bytes: number) => number;
    /** H3Error latLngToCell(const LatLng *g, int res, H3Index *out); LatLng is {double lat, lng} in radians. */
    _latLngToCell?: (latLng: number, res: number, out: number) => number;
    /** H3Error cellToLatLng(H3Index h, LatLng *out), the index passed as (lower, upper) 32-bit words. */
    _cellToLatLng?: (lower: number, upper: number, out: number) => number;
    /** H3Error cellAreaKm2(H3Index h, double *out). */
    _cellAreaKm2?: (lower: number, upper: number, out: number) => number;
    /** The heap as doubles; replaced if the heap grows. */
    HEAPF64?: Float64Array;
    /** The heap as unsigned 32-bit words; replaced if the heap grows. */
    HEAPU32?: Uint32Array;
  }
  const libh3: Libh3;
  export default libh3;
}

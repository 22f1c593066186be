// h3-js's compiled C core, called directly for bulk work. Each public h3-js function
// mallocs and frees its structs, copies its arguments through a temporary array and
// turns the 64-bit index into a hex string; for millions of positions that costs more
// than the C function itself. Here one LatLng struct and one H3Index slot are allocated
// once, and indexes stay as their (lower, upper) 32-bit words.
//
// Why this is safe: h3-js ships this very build as dist/libh3-browser.js (its own browser
// bundles alias it in), and its public functions are thin wrappers over the same exports,
// which this module calls the way they do (h3-js 4.x, lib/h3core.js):
// - latLngToCell(lat, lng, res): LatLng {lat, lng} = deg · π / 180 (that expression, so the
//   radians round the same), _latLngToCell(&latLng, res, &out), out read as two words;
// - cellToLatLng(h): _cellToLatLng(lower, upper, &latLng), each coordinate rad · 180 / π;
// - cellArea(h, 'km2'): _cellAreaKm2(lower, upper, &out).
// A missing export throws at first use, naming it; tests/unit/h3-assign.test.ts pins the
// exports and compares every result with the public function.
import libh3 from 'h3-js/dist/libh3-browser.js';
import { latLngToCell } from 'h3-js';

/** The exports this module calls, checked once. */
interface Core {
  latLngToCell: (latLng: number, res: number, out: number) => number;
  cellToLatLng: (lower: number, upper: number, out: number) => number;
  cellAreaKm2: (lower: number, upper: number, out: number) => number;
  /** Heap byte address of one LatLng struct (two doubles), reused by every call. */
  latLng: number;
  /** Heap byte address of 8 bytes a call writes its answer to (an H3Index or a double). */
  out: number;
}

let core: Core | null = null;

/** The h3-js exports this module needs, or an error that names the first one missing. */
function h3Core(): Core {
  if (core) return core;
  const need = ['_malloc', '_latLngToCell', '_cellToLatLng', '_cellAreaKm2'] as const;
  for (const name of need) {
    if (typeof libh3[name] !== 'function') throw new Error(`h3-js/dist/libh3-browser.js has no ${name}: the h3-js version changed (CityLens calls its compiled core, see h3-core.ts)`);
  }
  if (!(libh3.HEAPF64 instanceof Float64Array) || !(libh3.HEAPU32 instanceof Uint32Array)) {
    throw new Error('h3-js/dist/libh3-browser.js has no HEAPF64/HEAPU32 heap views: the h3-js version changed (see h3-core.ts)');
  }
  const latLng = libh3._malloc!(16);
  const out = libh3._malloc!(8);
  core = { latLng, out, latLngToCell: libh3._latLngToCell!, cellToLatLng: libh3._cellToLatLng!, cellAreaKm2: libh3._cellAreaKm2! };
  return core;
}

/** The heap views, read after every allocation (emscripten replaces them when the heap grows). */
function heap(): { f64: Float64Array; u32: Uint32Array } {
  return { f64: libh3.HEAPF64!, u32: libh3.HEAPU32! };
}

/**
 * H3 cells at `res` of positions start, start + 1, … (as many as `lower` holds, up to the
 * end): cell k's index as words (lower[k], upper[k]). Exactly h3-js latLngToCell(lat, lon,
 * res), which it calls for a position the core refuses, so the same H3Error is thrown.
 */
export function latLngToCells(lats: Float64Array, lons: Float64Array, res: number, start: number, lower: Uint32Array, upper: Uint32Array): number {
  const c = h3Core();
  const { f64, u32 } = heap();
  const lat = c.latLng >> 3;
  const out = c.out >> 2;
  const count = Math.min(lower.length, lats.length - start);
  for (let k = 0; k < count; k++) {
    const i = start + k;
    f64[lat] = (lats[i] * Math.PI) / 180;
    f64[lat + 1] = (lons[i] * Math.PI) / 180;
    if (c.latLngToCell(c.latLng, res, c.out) !== 0 || u32[out + 1] === 0) {
      latLngToCell(lats[i], lons[i], res); // throws h3-js's own error for this position
      throw new Error(`H3 latLngToCell failed at ${lats[i]}, ${lons[i]} (res ${res})`);
    }
    lower[k] = u32[out];
    upper[k] = u32[out + 1];
  }
  return count;
}

/** Centres of H3 cells given as [lower, upper] word pairs, as lon,lat pairs (h3-js cellToLatLng, swapped). */
export function cellCenters(cells: Uint32Array): Float64Array {
  const c = h3Core();
  const { f64 } = heap();
  const at = c.latLng >> 3;
  const n = cells.length / 2;
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    if (c.cellToLatLng(cells[2 * i], cells[2 * i + 1], c.latLng) !== 0) throw new Error(`not an H3 cell: words ${cells[2 * i]}, ${cells[2 * i + 1]}`);
    out[2 * i] = (f64[at + 1] * 180) / Math.PI;
    out[2 * i + 1] = (f64[at] * 180) / Math.PI;
  }
  return out;
}

/** Areas in km² of H3 cells given as [lower, upper] word pairs (h3-js cellArea(h, 'km2')). */
export function cellAreasKm2(cells: Uint32Array): Float64Array {
  const c = h3Core();
  const { f64 } = heap();
  const at = c.out >> 3;
  const n = cells.length / 2;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (c.cellAreaKm2(cells[2 * i], cells[2 * i + 1], c.out) !== 0) throw new Error(`not an H3 cell: words ${cells[2 * i]}, ${cells[2 * i + 1]}`);
    out[i] = f64[at];
  }
  return out;
}

// The class codes of hotspot and before/after results (issue 11), as string unions for
// exports and the legend, and as small integers (index into the legend-ordered arrays)
// so per-cell classes cross the worker boundary as one Uint8Array.
import { GI_ISOLATED, GI_OK } from './gi-star';

/** A hotspot class: hot/cold at 99/95/90 %, or why there is none. */
export type HotspotClass =
  | 'hot-99' | 'hot-95' | 'hot-90'
  | 'cold-99' | 'cold-95' | 'cold-90'
  | 'not-significant' | 'isolated' | 'suppressed' | 'outside';

/** A before/after class: increase/decrease at 99/95/90 %, or why there is none. */
export type ChangeClass =
  | 'increase-99' | 'increase-95' | 'increase-90'
  | 'decrease-99' | 'decrease-95' | 'decrease-90'
  | 'no-significant-change' | 'no-test' | 'suppressed' | 'outside';

/** Hotspot classes in legend order (the diverging seven, then the rest); a class's code is its index. */
export const HOTSPOT_CLASSES: readonly HotspotClass[] = [
  'hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99', 'isolated', 'suppressed', 'outside',
];

/** Change classes in legend order; a class's code is its index. */
export const CHANGE_CLASSES: readonly ChangeClass[] = [
  'increase-99', 'increase-95', 'increase-90', 'no-significant-change', 'decrease-90', 'decrease-95', 'decrease-99', 'no-test', 'suppressed', 'outside',
];

/** The code (index into HOTSPOT_CLASSES) of each hotspot class. */
export const HOTSPOT_CODE = Object.fromEntries(HOTSPOT_CLASSES.map((c, i) => [c, i])) as Readonly<Record<HotspotClass, number>>;

/** The code (index into CHANGE_CLASSES) of each change class. */
export const CHANGE_CODE = Object.fromEntries(CHANGE_CLASSES.map((c, i) => [c, i])) as Readonly<Record<ChangeClass, number>>;

/** The confidence suffix of a significance level from fdr.ts's ALPHAS; null when not significant. */
function confidence(level: number): '99' | '95' | '90' | null {
  if (level === 0.01) return '99';
  if (level === 0.05) return '95';
  if (level === 0.1) return '90';
  return null;
}

/**
 * The class of one observation from its z, significance level (significanceLevel) and
 * Gi* status; suppressed and outside are the caller's to set. Degenerate → not-significant.
 */
export function hotspotClass(z: number, level: number, status: number): HotspotClass {
  if (status === GI_ISOLATED) return 'isolated';
  const c = confidence(level);
  if (status !== GI_OK || c === null || !(z !== 0)) return 'not-significant';
  return z > 0 ? `hot-${c}` : `cold-${c}`;
}

/**
 * The class of one before/after comparison from the sign of its change, its significance
 * level and whether a test applied; suppressed and outside are the caller's to set.
 */
export function changeClass(sign: number, level: number, tested: boolean): ChangeClass {
  if (!tested) return 'no-test';
  const c = confidence(level);
  if (c === null || !(sign !== 0)) return 'no-significant-change';
  return sign > 0 ? `increase-${c}` : `decrease-${c}`;
}

/** hotspotClass of every observation, as codes into HOTSPOT_CLASSES. */
export function hotspotClassCodes(z: Float64Array, level: Float64Array, status: Uint8Array): Uint8Array {
  const out = new Uint8Array(z.length);
  for (let i = 0; i < z.length; i++) out[i] = HOTSPOT_CODE[hotspotClass(z[i], level[i], status[i])];
  return out;
}

/** changeClass of every comparison (tested: non-zero where a test applied), as codes into CHANGE_CLASSES. */
export function changeClassCodes(sign: Float64Array, level: Float64Array, tested: Uint8Array): Uint8Array {
  const out = new Uint8Array(sign.length);
  for (let i = 0; i < sign.length; i++) out[i] = CHANGE_CODE[changeClass(sign[i], level[i], tested[i] !== 0)];
  return out;
}

// Hotspot and before/after statistics (issue 11): pure functions over typed arrays and
// CSR neighbour lists, run in the engine worker, the CLI and tests alike.
export { normalTwoSidedP } from './normal';
export { giStar, GI_OK, GI_ISOLATED, GI_ALL_EQUAL, GI_WHOLE_NEIGHBOURHOOD } from './gi-star';
export type { GiStarResult } from './gi-star';
export { giStarPermutations, DEFAULT_SEED } from './permutation';
export { createRandom, createXoshiro128ss, BufferedBelow } from './random';
export type { Random } from './random';
export { ALPHAS, bhThreshold, bhThresholds, significanceLevel } from './fdr';
export {
  HOTSPOT_CLASSES, CHANGE_CLASSES, HOTSPOT_CODE, CHANGE_CODE,
  hotspotClass, changeClass, hotspotClassCodes, changeClassCodes,
} from './classes';
export type { HotspotClass, ChangeClass } from './classes';
export { rateRatioTest, welchTest, studentTwoSidedP, twoProportionTest } from './two-sample';
export type { WelchResult } from './two-sample';
export { emptyMoments, addValue, mergeMoments, sampleVariance } from './summaries';
export type { Moments } from './summaries';
export { subsetNeighbours } from './subset';

// Getis-Ord Gi* hotspots over an aggregate (issue 11): the observations and their value,
// the neighbour list (cached per scheme), z, p, the permutation pseudo-p and the FDR
// classes; small-count cells stay in the sums and are suppressed in the output.
import type { AggregateResult, HotspotRequest, HotspotResult, NeighbourRule, PolygonShapes, RateBase } from '../protocol';
import { bandNeighbours, knnNeighbours, type NeighbourList } from '../aggregate/neighbours';
import { cellIds } from '../export/tables';
import { schemeOf } from '../aggregate/schemes';
import { checkMinCount, suppress } from '../aggregate/privacy';
import { isAdditive } from '../aggregate/stats';
import { message, type EngineMessage } from '../messages';
import { DEFAULT_SEED, GI_ALL_EQUAL, GI_ISOLATED, GI_OK, GI_WHOLE_NEIGHBOURHOOD, HOTSPOT_CLASSES, giStar, giStarPermutations, hotspotClassCodes, significanceLevel, subsetNeighbours, type HotspotClass } from '../stats';
import { NeighbourCache } from './neighbour-cache';
import { ruleText } from './rule-text';
import { EngineError } from '../engine-error';

/** Below this many observations Gi* z-scores are unreliable (ArcGIS gives the same advice). */
export const FEW_OBSERVATIONS = 30;
const MAX_PERMUTATIONS = 99_999;

/** The default rule of a kind: ring:1 for cells, queen for districts. */
export function defaultNeighbours(kind: HotspotRequest['by']['kind']): NeighbourRule {
  return kind === 'districts' ? { kind: 'queen' } : { kind: 'ring', k: 1 };
}

function checkRule(rule: NeighbourRule, kind: HotspotRequest['by']['kind']): void {
  if ((rule.kind === 'ring' || rule.kind === 'knn') && !(Number.isInteger(rule.k) && rule.k >= 1)) throw new EngineError('neighbours-k', { rule: rule.kind, k: String(rule.k) });
  if (rule.kind === 'band' && !(rule.metres > 0 && Number.isFinite(rule.metres))) throw new EngineError('neighbours-band', { metres: String(rule.metres) });
  if (rule.kind === 'ring' && kind === 'districts') throw new EngineError('neighbours-ring-districts');
  if ((rule.kind === 'queen' || rule.kind === 'rook') && kind !== 'districts') throw new EngineError('neighbours-contiguity-cells', { rule: rule.kind });
}

function countListed(ids: Int32Array): number {
  let listed = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) listed++;
  return listed;
}

/**
 * Neighbours among the kept observations, renumbered. Rings and contiguity are listed over
 * every observation of the scheme and cached, then cut to the kept ones; knn and band are
 * found among the kept ones only, so a left-out district is never one of the k nearest.
 */
function observationNeighbours(cells: AggregateResult, rule: NeighbourRule, shapes: PolygonShapes | null, keep: Uint8Array, cache: NeighbourCache): { list: NeighbourList; index: Int32Array } {
  const scheme = schemeOf(cells.by);
  if (rule.kind !== 'knn' && rule.kind !== 'band') return subsetNeighbours(cache.get(cells, rule, () => scheme.neighbours(cells, rule, shapes)), keep);
  const index = Int32Array.from(keep.keys()).filter((i) => keep[i] !== 0);
  const list = cache.get(cells, rule, () => {
    const all = scheme.centres(cells, shapes);
    const centres = new Float64Array(2 * index.length);
    for (let j = 0; j < index.length; j++) centres.set(all.subarray(2 * index[j], 2 * index[j] + 2), 2 * j);
    if (rule.kind === 'band') return bandNeighbours(centres, rule.metres);
    const ids = cellIds(cells).ids;
    return knnNeighbours(centres, Array.from(index, (i) => ids[i]), rule.k);
  }, keep);
  return { list, index };
}

/** The value x_i of every result cell: the statistic, or a rate of it; NaN where it has none. */
function analysedValues(r: AggregateResult, rate: RateBase): Float64Array {
  if (rate === 'km2') return Float64Array.from(r.perKm2);
  if (rate === 'residents') {
    if (!r.per1000) throw new EngineError('rate-residents-no-population');
    return Float64Array.from(r.per1000);
  }
  return Float64Array.from(r.values);
}

/** What the engine hands the hotspot step: the raw aggregate (k = 0) and the districts' polygons. */
export interface HotspotInput {
  /** The aggregate of the request with minCount 0 (suppression is applied here). */
  raw: AggregateResult;
  shapes: PolygonShapes | null;
  /** Empty cells added as zeros by the caller (include-empty). */
  added: number;
}

const code = (c: HotspotClass) => HOTSPOT_CLASSES.indexOf(c);

/** Gi* of the request over its raw aggregate. */
export function computeHotspots(req: HotspotRequest, input: HotspotInput, cache: NeighbourCache, aggregateMs: number): HotspotResult {
  const t0 = performance.now();
  const k = checkMinCount(req.minCount);
  const kind = req.by.kind;
  const rule = req.neighbours ?? defaultNeighbours(kind);
  checkRule(rule, kind);
  const rate = req.rate ?? 'none';
  const fdr = req.fdr ?? true;
  const permutations = req.permutations ?? 0;
  if (!Number.isInteger(permutations) || permutations < 0 || permutations > MAX_PERMUTATIONS) throw new EngineError('permutations-range', { max: String(MAX_PERMUTATIONS), got: String(permutations) });
  const seed = req.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new EngineError('seed-not-integer', { seed: String(seed) });
  const cells = input.raw;
  const n = cells.length;
  const isOutside = (i: number) => kind === 'districts' && cells.ids[i] < 0;
  const xAll = analysedValues(cells, rate);

  // The observations: the scheme's (districts without outside) that have a value; a
  // district without rows has no mean and is left out.
  const tn = performance.now();
  const listed = kind === 'districts' ? countListed(cells.ids) : n;
  const keep = new Uint8Array(listed);
  let leftOut = 0;
  for (let i = 0; i < listed; i++) {
    if (Number.isFinite(xAll[i])) keep[i] = 1;
    else leftOut++;
  }
  const { list, index } = observationNeighbours(cells, rule, input.shapes, keep, cache);
  const neighboursMs = performance.now() - tn;

  const ts = performance.now();
  const x = new Float64Array(index.length);
  for (let j = 0; j < index.length; j++) x[j] = xAll[index[j]];
  const gi = giStar(x, list);
  const pPermObs = permutations > 0 ? giStarPermutations(x, list, permutations, seed) : null;
  // Suppressed cells stay in the sums but leave the tested family.
  const familyP = Float64Array.from(gi.p);
  for (let j = 0; j < index.length; j++) if (cells.counts[index[j]] < k) familyP[j] = NaN;
  const level = significanceLevel(familyP, fdr);
  const obsClasses = hotspotClassCodes(gi.z, level, gi.status);
  const statsMs = performance.now() - ts;

  const z = new Float64Array(n).fill(NaN), p = new Float64Array(n).fill(NaN), xOut = new Float64Array(n).fill(NaN);
  const pPerm = pPermObs ? new Float64Array(n).fill(NaN) : null;
  const classes = new Uint8Array(n).fill(code('not-significant'));
  let tested = 0, isolated = 0, allEqual = false, whole = 0;
  for (let j = 0; j < index.length; j++) {
    const i = index[j];
    xOut[i] = x[j];
    z[i] = gi.z[j];
    p[i] = gi.p[j];
    if (pPerm && pPermObs) pPerm[i] = pPermObs[j];
    classes[i] = obsClasses[j];
    if (gi.status[j] === GI_ISOLATED) isolated++;
    if (gi.status[j] === GI_ALL_EQUAL) allEqual = true;
    if (gi.status[j] === GI_WHOLE_NEIGHBOURHOOD) whole++;
    if (gi.status[j] === GI_OK && Number.isFinite(familyP[j])) tested++;
  }
  for (let i = 0; i < n; i++) if (isOutside(i)) classes[i] = code('outside');

  // Privacy: the aggregate's own suppression, then the same cells blanked in every column.
  const counts = cells.counts;
  const { suppressed, suppressedCells } = suppress(k, counts, cells.values, cells.perKm2, cells.per1000, xOut, z, p, pPerm);
  for (let i = 0; i < n; i++) if (suppressed[i] && !isOutside(i)) classes[i] = code('suppressed');
  cells.suppressed = suppressed;
  cells.suppressedCells = suppressedCells;
  cells.minCount = k;

  const warnings: EngineMessage[] = [];
  if (index.length < FEW_OBSERVATIONS) warnings.push(message('hotspots-few', { n: index.length, min: FEW_OBSERVATIONS }));
  if (allEqual) warnings.push(message('hotspots-all-equal'));
  if (whole) warnings.push(message('hotspots-whole-neighbourhood', { count: whole }));
  if (isolated) warnings.push(message('hotspots-isolated', { count: isolated }));
  if (leftOut) warnings.push(message('hotspots-left-out', { count: leftOut }));
  if (req.includeEmpty && kind === 'districts') warnings.push(message('hotspots-districts-list-empty'));

  return {
    cells,
    x: xOut,
    z,
    p,
    pPerm,
    classes,
    observations: index.length,
    tested,
    isolated,
    leftOut,
    added: input.added,
    mean: gi.mean,
    sd: gi.sd,
    neighbours: rule,
    rate,
    fdr: fdr,
    permutations,
    seed,
    links: list.neighbours.length,
    warnings,
    method: message('method-hotspots', {
      stat: cells.stat,
      additive: isAdditive(cells.stat) ? 'yes' : 'no',
      rate,
      neighbours: ruleText(rule),
      distance: rule.kind === 'knn' ? 'knn' : rule.kind === 'band' ? 'band' : 'none',
      n: index.length,
      tested,
      links: list.neighbours.length,
      fdr: fdr ? 'yes' : 'no',
      permutations,
      seed,
      minCount: k,
    }),
    sql: cells.sql,
    timings: { aggregateMs, neighboursMs, statsMs, totalMs: aggregateMs + (performance.now() - t0) },
  };
}

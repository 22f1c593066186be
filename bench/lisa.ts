// The Gi* peer: @geoda/lisa's localGStar (GeoDa's C++ compiled to wasm), on the main
// thread, over the same cells and values as the engine's last hotspots result and the
// same binary ring:1 weights, given as neighbour lists built here from the cells' grid
// ids (an independent construction; their link count is checked against the engine's).
// Its wasm is the package's own file, served by the bench page (lisa/, linked in by
// scripts/bench/build.mjs): without setDeliveryWASM it would fetch it from a CDN.
import { initWASM, localGStar, setDeliveryWASM } from '@geoda/lisa';
import type { HotspotResult } from '../src/engine/protocol';
import { lastHotspots } from './analysis-ops';
import { sink } from './peers';
import { timed } from './probe';

/** Significance level at which the two pseudo-p are compared. */
const ALPHA = 0.05;

let prepared: { data: number[]; neighbors: number[][]; cells: number; links: number } | null = null;
let lastRun: { pValues: number[]; nn: number[] } | null = null;

/** Grid cell ids are column,row pairs; a key per cell (|column|, |row| < 2²¹). */
const key = (c: number, r: number) => c * 4_194_304 + r;

/** ring:1 on a square grid: the present cells at Chebyshev distance 1 (up to 8). */
export function gridRingOne(ids: Int32Array): number[][] {
  const n = ids.length / 2;
  const at = new Map<number, number>();
  for (let i = 0; i < n; i++) at.set(key(ids[2 * i], ids[2 * i + 1]), i);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c = ids[2 * i], r = ids[2 * i + 1];
    const list: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        if (dc === 0 && dr === 0) continue;
        const j = at.get(key(c + dc, r + dr));
        if (j !== undefined) list.push(j);
      }
    }
    out.push(list);
  }
  return out;
}

function analytical(): HotspotResult {
  const r = lastHotspots.analytical;
  if (!r) throw new Error('no hotspots result to compare with (run the "hotspots" step first)');
  if (r.cells.by.kind !== 'grid') throw new Error(`the lisa peer builds grid neighbours; the last result is ${r.cells.by.kind}`);
  return r;
}

/** Untimed: the wasm started, and the values and neighbour lists of the last analytical result. */
export async function lisaPrepare() {
  setDeliveryWASM(new URL('lisa/geoda-lisa.wasm', location.href).href);
  const t = await timed(() => initWASM());
  const r = analytical();
  if (r.observations !== r.cells.length) throw new Error(`${r.cells.length - r.observations} cells are not observations: run hotspots with minCount 0`);
  const neighbors = gridRingOne(r.cells.ids);
  const links = neighbors.reduce((a, l) => a + l.length, 0);
  if (links !== r.links) throw new Error(`the neighbour lists built here have ${links} links, the engine's ${r.links}`);
  prepared = { data: Array.from(r.x), neighbors, cells: r.cells.length, links };
  return { ms: 0, wasmInitMs: t.ms, cells: prepared.cells, links };
}

/** localGStar with `permutations`, timed: their copy into wasm vectors, Gi*, the permutations, the result. */
export async function lisaGStar({ permutations, seed }: { permutations: number; seed?: number }) {
  if (!prepared) throw new Error('run "lisaPrepare" first');
  const { data, neighbors } = prepared;
  const t = await timed(() => localGStar({ data, neighbors, permutation: permutations, seed }));
  if (!t.value.isValid) throw new Error('@geoda/lisa says the result is not valid');
  lastRun = { pValues: t.value.pValues, nn: t.value.nn };
  sink.push(t.value.pValues.length);
  return { ms: t.ms, longTasks: t.longTasks, cells: data.length, permutations };
}

/** Share of cells on which a p and lisa's pseudo-p agree about p < ALPHA, and the counts behind it. */
function agreement(ours: Float64Array, theirs: number[]) {
  let both = 0, oursOnly = 0, theirsOnly = 0, neither = 0;
  for (let i = 0; i < theirs.length; i++) {
    if (!Number.isFinite(ours[i]) || !Number.isFinite(theirs[i])) continue;
    const a = ours[i] < ALPHA, b = theirs[i] < ALPHA;
    if (a && b) both++;
    else if (a) oursOnly++;
    else if (b) theirsOnly++;
    else neither++;
  }
  const compared = both + oursOnly + theirsOnly + neither;
  return { share: (both + neither) / compared, compared, both, oursOnly, theirsOnly, neither };
}

/** How the engine's p_perm (and its analytical p) agree with lisa's last pseudo-p at p < 0.05. */
export function lisaAgreement() {
  if (!prepared || !lastRun) throw new Error('run "lisaGStar" first');
  const perm = lastHotspots.permutation;
  if (!perm?.pPerm) throw new Error('no permutation result of the engine (run hotspots with permutations)');
  if (perm.cells.length !== prepared.cells) throw new Error(`the engine's permutation run has ${perm.cells.length} cells, lisa's ${prepared.cells}`);
  // lisa's neighbour counts against the lists it was given: the same weights went in.
  const nnMatch = lastRun.nn.every((k, i) => k === prepared!.neighbors[i].length);
  return {
    ms: 0,
    alpha: ALPHA,
    nnMatch,
    permutation: agreement(perm.pPerm, lastRun.pValues),
    analytical: agreement(analytical().p, lastRun.pValues),
  };
}

// The benchmark page: starts the real engine worker and exposes window.runBench(op,
// params) for scripts/bench/run.mjs, which drives it from headless Chromium and does
// the repetitions and statistics. Every op returns JSON with `ms` (main-thread clock).
import * as engine from './engine-ops';
import * as peers from './peers';
import * as synthetic from './synthetic';
import * as analysis from './analysis-ops';
import * as lisa from './lisa';
import { compareDraws, drawPoints } from './draw';

type Op = (params: never) => Promise<{ ms: number }> | { ms: number };

const ops: Record<string, Op> = {
  init: () => engine.init(new URL('./', location.href).href),
  load: engine.load,
  remove: engine.remove,
  aggregate: engine.aggregate,
  timeWindow: engine.timeWindow,
  positions: engine.positions,
  memory: engine.memory,
  hotspots: analysis.hotspots,
  cellCount: analysis.cellCount,
  compare: analysis.compare,
  consoleCancel: analysis.consoleCancel,
  lisaPrepare: lisa.lisaPrepare,
  lisaGStar: lisa.lisaGStar,
  lisaAgreement: lisa.lisaAgreement,
  deckAggregate: peers.deckAggregate,
  deckDone: peers.deckDone,
  drawPoints,
  compareDraws,
  turfJoin: peers.turfJoin,
  h3js: peers.h3js,
  jsonLoad: peers.jsonLoad,
  distribution: synthetic.distribution,
  synth: synthetic.synth,
  loadSynth: synthetic.loadSynth,
};

declare global {
  interface Window {
    runBench(op: string, params?: unknown): Promise<unknown>;
    benchReady: boolean;
  }
}

window.runBench = async (op, params = {}) => {
  const fn = ops[op];
  if (!fn) throw new Error(`unknown benchmark op "${op}"`);
  // Start in a task of our own: work done inside the DevTools evaluate task is not
  // reported as a long task, so synchronous peers would look free.
  await new Promise((r) => setTimeout(r, 0));
  return fn(params as never);
};
window.benchReady = true;
document.getElementById('status')!.textContent = 'ready';

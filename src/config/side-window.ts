// A before/after side's layers (issue 14) are published once per layer and side: the side's
// time window applied, and a colour scale shared with the other side. This module names
// such an entry (its manifest key) and hashes what it was computed from, for `publish` and
// for the citizen view's staleness check alike, and turns a config window into the engine's.
import type { DatasetInfo, TimeWindow as EngineWindow } from '../engine/protocol';
import type { LayerSpec } from './layer';
import type { StoryStep } from './story';
import type { TimeWindow } from './view';
import { stableHash } from './stable-hash';

/** A before/after pair's two windows (either may be absent: the whole time range). */
export interface SidePair {
  before: TimeWindow | undefined;
  after: TimeWindow | undefined;
}

export type SideName = keyof SidePair;

/** The pair of a step with a before/after, else null. */
export function sidePair(step: StoryStep | undefined): SidePair | null {
  return step?.beforeAfter ? { before: step.beforeAfter.before.time, after: step.beforeAfter.after.time } : null;
}

/**
 * What a side's published layer depends on besides its spec: its own window, and the pair's
 * windows (the colour scale is pooled over both sides, so a change to the other side changes it).
 */
function sideInput(pair: SidePair, side: SideName) {
  return { time: pair[side] ?? null, pair: [pair.before ?? null, pair.after ?? null] };
}

/** The hash publish writes for a side's layer and the citizen view compares. */
export function sideHash(spec: LayerSpec, minCount: number, pair: SidePair, side: SideName): Promise<string> {
  return stableHash({ spec, minCount, ...sideInput(pair, side) });
}

/** The manifest key (and file stem) of a layer on one side: the layer id, then a short hash of the windows. */
export async function sideKey(layerId: string, pair: SidePair, side: SideName): Promise<string> {
  return `${layerId}@${(await stableHash(sideInput(pair, side))).slice(0, 12)}`;
}

/**
 * The engine's window for a config window on a dataset: the named column, else the first
 * timestamp column; the named zone, else the dataset's (its local columns' zone), else UTC.
 */
export function engineWindow(time: TimeWindow, info: DatasetInfo, datasetZone: string | undefined): EngineWindow {
  const column = time.column ?? info.timeColumns?.[0]?.column;
  if (!column) throw new Error(`${info.name} has no timestamp column for the window ${time.from} – ${time.to}`);
  const zone = time.zone ?? datasetZone ?? info.timeColumns?.find((c) => c.column === column)?.timeZone;
  return {
    column,
    from: time.from,
    to: time.to,
    ...(zone ? { zone } : {}),
    ...(time.hours ? { hours: time.hours } : {}),
    ...(time.days ? { days: time.days } : {}),
  };
}

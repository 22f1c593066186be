// A loaded dataset's time as its cell layers follow it: which column and zone (the config's
// roles and zone, else what the data says) and the engine window of a time state on them.
// One function for the analyst view (src/ui/time/use-time.ts), `publish` and the citizen
// view's in-browser fallback, so the published files are what the live layers compute.
import type { DatasetInfo, LayerQuery, TimeWindow } from '../engine/protocol';
import type { DashboardConfig } from './dashboard';
import type { DatasetEntry } from './dataset-entry';
import { datasetClock, datasetZoneOf, displayZoneOf, type DatasetClock } from './dataset-clock';
import { stableHash } from './stable-hash';
import { timeWindow, type TimeState } from './time-state';
import type { LayerSpec } from './layer';
import { layerQuery } from './layer-query';
import { engineWindow } from './side-window';
import type { TimeWindow as ConfigWindow } from './view';

export interface DatasetTime {
  clock: DatasetClock;
  /** The dataset's own zone, when known. */
  datasetZone: string | null;
  /** The display zone: the state's, else the dataset's, else UTC. */
  zone: string;
}

/** The dataset's time column and zones under `state`; null when it has no time column. */
export function datasetTime(info: DatasetInfo, entry: DatasetEntry | undefined, state: TimeState | undefined): DatasetTime | null {
  const clock = datasetClock(info, entry?.roles?.time);
  if (!clock) return null;
  const datasetZone = datasetZoneOf(info, clock, entry?.timeZone);
  return { clock, datasetZone, zone: displayZoneOf(datasetZone, state?.zone) };
}

/** The engine window of `state`; unfiltered, only the column and zone (a layer's own hours and weekdays are read on them). */
export function windowOf(time: DatasetTime, state: TimeState | undefined): TimeWindow {
  return timeWindow(state, time.clock.column, time.zone) ?? { column: time.clock.column, zone: time.zone };
}

/** The window the config's `time` record gives dataset `id` (loaded as `info`); undefined without a time column. */
export function configWindow(config: DashboardConfig, id: string, info: DatasetInfo): TimeWindow | undefined {
  const state = config.time?.[id];
  const time = datasetTime(info, config.datasets.find((d) => d.id === id), state);
  return time ? windowOf(time, state) : undefined;
}

/** What of the config's time state a layer's values depend on: the window, the filters and the zone they are read in. */
function timeInput(config: Pick<DashboardConfig, 'time'>, dataset: string) {
  const s = config.time?.[dataset];
  if (!s) return undefined;
  const { window, hours, days, zone } = s;
  const input = { window, hours, days, zone };
  return Object.values(input).some((v) => v !== undefined) ? input : undefined;
}

/**
 * The hash publish writes for a layer and the citizen view and the analyst view's first
 * frame compare: of the spec, the dashboard's k, and its dataset's configured time state.
 */
export function layerHash(spec: LayerSpec, config: Pick<DashboardConfig, 'minCount' | 'time'>): Promise<string> {
  const time = timeInput(config, spec.dataset);
  return stableHash(time ? { spec, minCount: config.minCount, time } : { spec, minCount: config.minCount });
}

/**
 * The query `publish` (and the citizen view's fallback) runs for an aggregate layer, with its
 * datasets loaded as `points` and `districts`: over its dataset's configured time state as
 * the analyst view opens with it, or over `side` (a before/after side's window); the layer's
 * own hours and weekdays hold within either.
 */
export function publishedQuery(spec: LayerSpec, config: DashboardConfig, points: DatasetInfo, districts: DatasetInfo | null, side?: ConfigWindow): LayerQuery {
  const ran: LayerSpec = spec.kind === 'districts' && districts ? { ...spec, dataset: points.id, districts: districts.id } : { ...spec, dataset: points.id };
  const zone = config.datasets.find((d) => d.id === spec.dataset)?.timeZone;
  const window = side ? engineWindow(side, points, zone) : configWindow(config, spec.dataset, points);
  return layerQuery(ran, config.minCount, { [points.id]: window });
}

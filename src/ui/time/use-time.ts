// The dashboard's time state: per loaded dataset with a time column, its window, rhythm
// filters, zone, bin and playback settings (src/config/time-state.ts), from the user's
// changes over the link's over the config's; the engine windows its cell layers follow
// (a playing frame replaces the window); and the fixed colour scales of a playback.
import { useCallback, useMemo, useState } from 'react';
import type { DashboardConfig } from '../../config/dashboard';
import type { DatasetWindows } from '../../config/layer-query';
import { isEmptyTime, type TimeState, type TimeStates } from '../../config/time-state';
import { datasetTime, windowOf, type DatasetTime } from '../../config/dataset-time';
import type { LinkSource, LinkState } from '../../config/url-state';
import type { DatasetInfo, PlaybackWindow, TimeWindow } from '../../engine/protocol';
import type { FixedScales } from '../../map/render-layers';
import type { ScaleParts } from '../../scales/colour';

/** A dataset the time panel shows: its clock, display zone and state. */
export interface TimeEntry extends DatasetTime {
  info: DatasetInfo;
  state: TimeState;
}

export interface TimeInput {
  config: DashboardConfig | null;
  datasets: readonly DatasetInfo[];
  sources: Readonly<Record<string, LinkSource>>;
  link: LinkState | null;
}

/** The config's name of a loaded dataset: the entry it was loaded from, else its id. */
function configId(info: DatasetInfo, sources: Readonly<Record<string, LinkSource>>): string {
  const s = sources[info.id];
  return s && 'entry' in s ? s.entry : info.id;
}

export function useTime({ config, datasets, sources, link }: TimeInput) {
  // The user's changes since the page opened (or since back/forward put a link's back).
  const [changed, setChanged] = useState<{ states: TimeStates; link: TimeStates | undefined } | null>(null);
  const [frames, setFrames] = useState<Readonly<Record<string, PlaybackWindow | undefined>>>({});
  const [fixedScales, setFixedScales] = useState<FixedScales>({});

  // The config's states, by loaded dataset id: what the page is without a link.
  const baseStates = useMemo(() => {
    const out: TimeStates = {};
    for (const d of datasets) {
      const s = config?.time?.[configId(d, sources)] ?? config?.time?.[d.id];
      if (s && !isEmptyTime(s)) out[d.id] = s;
    }
    return out;
  }, [config, datasets, sources]);

  const linkStates = changed ? changed.link : link?.time;
  const states = useMemo(() => {
    const out: TimeStates = {};
    for (const d of datasets) {
      const s = changed?.states[d.id] ?? linkStates?.[d.id] ?? baseStates[d.id];
      if (s && !isEmptyTime(s)) out[d.id] = s;
    }
    return out;
  }, [datasets, changed, linkStates, baseStates]);

  const entries = useMemo(() => {
    const out: TimeEntry[] = [];
    for (const info of datasets) {
      const entry = config?.datasets.find((e) => e.id === configId(info, sources));
      const state = states[info.id] ?? {};
      const time = datasetTime(info, entry, state);
      if (time) out.push({ info, state, ...time });
    }
    return out;
  }, [config, datasets, sources, states]);

  const windows = useMemo(() => {
    const out: Record<string, TimeWindow> = {};
    for (const e of entries) {
      const frame = frames[e.info.id];
      out[e.info.id] = windowOf(e, frame ? { ...e.state, window: frame } : e.state);
    }
    return out as DatasetWindows;
  }, [entries, frames]);

  const setTime = useCallback(
    (id: string, state: TimeState) => setChanged((c) => ({ states: { ...(c?.states ?? {}), [id]: state }, link: c ? c.link : link?.time })),
    [link],
  );
  /** Back or forward: the link's states replace every change. */
  const restore = useCallback((time: TimeStates | undefined) => {
    setChanged({ states: {}, link: time });
    setFrames({});
    setFixedScales({});
  }, []);
  const setFrame = useCallback((id: string, w: PlaybackWindow | null) => setFrames((f) => ({ ...f, [id]: w ?? undefined })), []);
  const setFixed = useCallback((scales: Record<string, ScaleParts | undefined>) => setFixedScales((f) => ({ ...f, ...scales })), []);

  return { entries, states, baseStates, windows, frames, fixedScales, setTime, restore, setFrame, setFixed };
}

export type TimeModel = ReturnType<typeof useTime>;

// Plays a dataset's time: frame after frame, each waiting for its data (never queued), at
// the chosen pace (one step a second at most under prefers-reduced-motion). With a fixed
// colour domain, one 'playback-domain' request per layer before the first frame gives the
// scale every frame is drawn with.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAggregateLayer, isClassedLayer, type LayerSpec } from '../../config/layer';
import { layerQuery, type DatasetWindows } from '../../config/layer-query';
import { layerQueryOrNull } from '../layer-data';
import type { PlaybackSettings } from '../../config/time-state';
import type { CellsLayerQuery, LayerQuery, PlaybackWindow } from '../../engine/protocol';
import type { ScaleParts } from '../../scales/colour';
import type { Coordinator } from '../coordinator';
import { requestKey } from '../request-key';
import type { LayerDataState } from '../use-layer-data';
import { instantOfBound, clockRange } from '../../config/dataset-clock';
import { binStartOf } from './bins';
import { defaultPlayback, delayBeforeNext, nextFrame, playbackWindows } from './playback';
import type { TimeEntry, TimeModel } from './use-time';

const HOUR = 3_600_000;

/** Whether the user asks for less motion (and follows a change of mind). */
export function useReducedMotion(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  const [reduced, setReduced] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = () => setReduced(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query]);
  return reduced;
}

/** The playback settings of an entry: its own, else defaults from its range. */
export function playbackSettings(entry: TimeEntry): PlaybackSettings {
  const r = clockRange(entry.clock, entry.zone);
  return entry.state.playback ?? defaultPlayback(r.to - r.from);
}

/** What a playback covers: the window when one is set, else the whole range (its start on a step edge). */
export function playbackRange(entry: TimeEntry, s: PlaybackSettings): PlaybackWindow {
  const all = clockRange(entry.clock, entry.zone);
  const w = entry.state.window;
  const from = w?.from !== undefined ? instantOfBound(w.from, entry.zone) : all.from;
  const to = w?.to !== undefined ? instantOfBound(w.to, entry.zone) : all.to;
  const start = Number.isFinite(from) ? from : all.from;
  // Hourly steps start on the hour of the display zone.
  const snapped = s.stepMs % HOUR === 0 ? binStartOf('hour', start, entry.zone) : start;
  return { from: snapped, to: Number.isFinite(to) ? to : all.to };
}

const isCells = (q: LayerQuery): q is CellsLayerQuery => q.kind === 'grid' || q.kind === 'hexagon' || q.kind === 'h3' || q.kind === 'districts';

interface Session {
  frames: PlaybackWindow[];
  index: number;
  shownAt: number;
}

export interface PlaybackInput {
  coordinator: Coordinator | null;
  entry: TimeEntry;
  specs: readonly LayerSpec[];
  layerData: Readonly<Record<string, LayerDataState>>;
  minCount: number;
  time: TimeModel;
  /** Says why a fixed scale could not be made (colours then float). */
  onFixedFailed: (message: string) => void;
}

export function usePlayback({ coordinator, entry, specs, layerData, minCount, time, onFixedFailed }: PlaybackInput) {
  const id = entry.info.id;
  const reduced = useReducedMotion();
  const settings = playbackSettings(entry);
  const [session, setSession] = useState<Session | null>(null);
  const [playing, setPlaying] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const { setFrame, setFixed, windows } = time;
  const cells = specs.filter((s) => s.dataset === id && isAggregateLayer(s));
  const cellIds = cells.map((s) => s.id).join('\n');
  const token = useRef(0);

  // A frame is in when every cell layer on the dataset has the answer to its query of now.
  const ready = cells.every((s) => {
    const d = layerData[s.id];
    let key: string;
    try {
      key = requestKey(layerQuery(s, minCount, windows));
    } catch {
      // A layer that cannot be asked for has nothing to wait for.
      return true;
    }
    return d && !d.pending && d.key === key;
  });

  const stop = useCallback(() => {
    token.current++;
    setPlaying(false);
    setPreparing(false);
    setSession(null);
    setFrame(id, null);
    setFixed(Object.fromEntries(cellIds.split('\n').map((k) => [k, undefined])));
  }, [id, cellIds, setFrame, setFixed]);

  /** One scale per classed cell layer over every frame; layers whose request fails float. */
  const fixedScales = useCallback(
    async (frames: PlaybackWindow[], base: DatasetWindows): Promise<Record<string, ScaleParts | undefined>> => {
      const out: Record<string, ScaleParts | undefined> = {};
      if (!coordinator) return out;
      await Promise.all(
        cells.map(async (spec) => {
          // Hidden layers are not drawn: their scale would cost a pass over every window for nothing.
          if (!isAggregateLayer(spec) || !isClassedLayer(spec) || spec.analysis || !spec.visible) return;
          const layer = layerQueryOrNull(spec, minCount, base);
          if (!layer || !isCells(layer)) return;
          const scale = { scheme: spec.scheme, classification: spec.classification, classes: spec.classes, domain: spec.domain };
          try {
            // Without a window or filters the layer has no time part: the frames' column and zone are the dataset's.
          const timed = { ...layer, time: layer.time ?? { column: entry.clock.column, zone: entry.zone } };
          const { value } = await coordinator.query({ type: 'playback-domain', layer: timed, windows: frames, measure: spec.measure, scale });
            out[spec.id] = value.scale;
          } catch (err) {
            onFixedFailed((err as Error).message);
          }
        }),
      );
      return out;
    },
    [coordinator, cells, minCount, onFixedFailed, entry.clock.column, entry.zone],
  );

  const play = useCallback(async () => {
    // Paused mid-way: go on from the frame shown; at the end, start again.
    if (session && nextFrame(session.index, session.frames.length) !== null) {
      setSession({ ...session, shownAt: performance.now() });
      setPlaying(true);
      return;
    }
    const frames = playbackWindows(playbackRange(entry, settings), settings);
    if (!frames.length) return;
    const mine = ++token.current;
    if (settings.domain === 'fixed') {
      setPreparing(true);
      const scales = await fixedScales(frames, windows);
      if (mine !== token.current) return;
      setPreparing(false);
      setFixed(scales);
    }
    setFrame(id, frames[0]);
    setSession({ frames, index: 0, shownAt: performance.now() });
    setPlaying(true);
  }, [session, entry, settings, fixedScales, windows, setFixed, setFrame, id]);

  const pause = useCallback(() => setPlaying(false), []);

  // The next step: once this frame's data is in, a frame period after it was shown.
  useEffect(() => {
    if (!playing || !session || !ready) return;
    const next = nextFrame(session.index, session.frames.length);
    const wait = delayBeforeNext(session.shownAt, performance.now(), settings.stepsPerSecond, reduced);
    const timer = setTimeout(() => {
      if (next === null) {
        setPlaying(false);
        return;
      }
      setFrame(id, session.frames[next]);
      setSession({ ...session, index: next, shownAt: performance.now() });
    }, wait);
    return () => clearTimeout(timer);
  }, [playing, session, ready, settings.stepsPerSecond, reduced, setFrame, id]);

  const frame = session ? session.frames[session.index] : null;
  return { settings, playing, preparing, reduced, session, frame, play, pause, stop };
}

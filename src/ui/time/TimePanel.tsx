// The time panel (issue 12): for each loaded dataset with a time column, its display zone,
// timeline and brush, rhythm filters and playback. Every cell layer on the dataset follows
// what is set here (use-time.ts gives their windows).
import { useCallback, useState } from 'react';
import type { LayerSpec } from '../../config/layer';
import type { PlaybackSettings, TimeState } from '../../config/time-state';
import { useT } from '../../i18n';
import type { Coordinator } from '../coordinator';
import type { LayerDataState } from '../use-layer-data';
import { autoBin } from './bins';
import { clockRange, instantOfBound, zoneChoices } from '../../config/dataset-clock';
import { PlaybackControls } from './PlaybackControls';
import { RhythmFilters } from './RhythmFilters';
import { Timeline } from './Timeline';
import { usePlayback } from './use-playback';
import type { TimeEntry, TimeModel } from './use-time';
import { TIME_BINS, type TimelineBin } from '../../config/time-state';
import './time.css';

interface Props {
  coordinator: Coordinator | null;
  time: TimeModel;
  specs: readonly LayerSpec[];
  layerData: Readonly<Record<string, LayerDataState>>;
  minCount: number;
}

export function TimePanel({ coordinator, time, specs, layerData, minCount }: Props) {
  const t = useT();
  if (!time.entries.length) return null;
  return (
    <section className="time-panel" aria-label={t('time.panel')}>
      <h2>{t('time.panel')}</h2>
      {time.entries.map((e) => (
        <DatasetTime key={e.info.id} coordinator={coordinator} time={time} entry={e} specs={specs} layerData={layerData} minCount={minCount} />
      ))}
    </section>
  );
}

function DatasetTime({ coordinator, time, entry, specs, layerData, minCount }: Omit<Props, 'time'> & { time: TimeModel; entry: TimeEntry }) {
  const t = useT();
  const { info, clock, state, zone } = entry;
  const id = info.id;
  const [note, setNote] = useState('');
  const onFixedFailed = useCallback((message: string) => setNote(t('time.fixedFailed', { message })), [t]);
  const playback = usePlayback({ coordinator, entry, specs, layerData, minCount, time, onFixedFailed });
  const { stop } = playback;
  // A change of window, filters or settings ends a playback: its frames no longer hold.
  const change = (next: TimeState) => {
    if (playback.session) stop();
    setNote('');
    time.setTime(id, next);
  };
  const range = clockRange(clock, zone);
  const bin: TimelineBin = state.bin ?? autoBin(range.to - range.from);
  const w = state.window;
  const windowShown = w && (w.from !== undefined || w.to !== undefined)
    ? { from: w.from !== undefined ? instantOfBound(w.from, zone) : range.from, to: w.to !== undefined ? instantOfBound(w.to, zone) : range.to }
    : null;
  const shown = playback.frame ?? windowShown;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const field = (name: string) => `${id}-time-${name}`;

  return (
    <div className="dataset-time" data-time={id}>
      <h3>{info.name}</h3>
      <p className="hint">{t('time.column', { column: clock.column })}</p>
      <div className="time-field">
        <label htmlFor={field('zone')}>{t('time.zone')}</label>
        <select id={field('zone')} value={zone} onChange={(e) => change({ ...state, zone: e.target.value })}>
          {zoneChoices(entry.datasetZone, zone, browserZone).map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </div>
      {clock.columnZone === null && <p className="hint" data-zone-unknown="">{t('time.zoneUnknown', { zone })}</p>}
      <div className="time-field">
        <label htmlFor={field('bin')}>{t('time.bin')}</label>
        <select id={field('bin')} value={state.bin ?? ''} onChange={(e) => {
          const b = TIME_BINS.find((x) => x === e.target.value);
          change({ ...state, bin: b });
        }}>
          <option value="">{t('time.binAuto', { bin: autoBin(range.to - range.from) })}</option>
          {TIME_BINS.map((b) => <option key={b} value={b}>{t('time.binName', { bin: b })}</option>)}
        </select>
      </div>
      <Timeline coordinator={coordinator} entry={entry} bin={bin} minCount={minCount} shown={shown}
        onWindow={(win) => change({ ...state, window: win ?? undefined })} />
      <button type="button" className="button" disabled={!windowShown} onClick={() => change({ ...state, window: undefined })}>
        {t('time.clear')}
      </button>
      <RhythmFilters id={id} state={state} onChange={(p) => change({ ...state, hours: p.hours, days: p.days })} />
      <PlaybackControls id={id} settings={playback.settings} playing={playback.playing} preparing={playback.preparing} reduced={playback.reduced}
        frame={playback.session ? { index: playback.session.index, total: playback.session.frames.length } : null}
        onPlay={() => void playback.play()} onPause={playback.pause} onStop={stop}
        onSettings={(s: PlaybackSettings) => change({ ...state, playback: s })} />
      {note && <p className="hint" role="status">{note}</p>}
    </div>
  );
}

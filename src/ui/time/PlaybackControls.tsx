// The playback's controls: one button that plays and pauses (the only control whose name
// begins with "Play"), Stop, and the settings: speed, step, window length, frames (slide or
// accumulate) and colour scale (fixed over all frames, or each frame its own).
import type { PlaybackSettings } from '../../config/time-state';
import { formatNumber, useT } from '../../i18n';
import { durationText, SPEED_CHOICES, STEP_CHOICES, WINDOW_CHOICES, withCurrent } from './time-text';

interface Props {
  id: string;
  settings: PlaybackSettings;
  playing: boolean;
  preparing: boolean;
  reduced: boolean;
  frame: { index: number; total: number } | null;
  onPlay: () => void;
  onPause: () => void;
  onStop: () => void;
  onSettings: (s: PlaybackSettings) => void;
}

export function PlaybackControls({ id, settings, playing, preparing, reduced, frame, onPlay, onPause, onStop, onSettings }: Props) {
  const t = useT();
  const set = (patch: Partial<PlaybackSettings>) => onSettings({ ...settings, ...patch });
  const field = (name: string) => `${id}-playback-${name}`;
  return (
    <fieldset className="playback" data-playback={id}>
      <legend>{t('time.playback')}</legend>
      <div className="playback-buttons">
        <button type="button" className="button" disabled={preparing} onClick={playing ? onPause : onPlay}>
          {playing ? t('time.pause') : t('time.play')}
        </button>{' '}
        <button type="button" className="button" disabled={!frame} onClick={onStop}>{t('time.stop')}</button>{' '}
        <span className="playback-frame" data-frame={frame ? frame.index + 1 : 0}>
          {preparing ? t('time.preparing') : frame ? t('time.frame', { n: frame.index + 1, total: frame.total }) : ''}
        </span>
      </div>
      <Choice id={field('speed')} label={t('time.speed')} value={settings.stepsPerSecond} choices={withCurrent(SPEED_CHOICES, settings.stepsPerSecond)}
        text={(v) => t('time.speedValue', { n: formatNumber(v, { significant: 2 }) })} onChange={(v) => set({ stepsPerSecond: v })} />
      {reduced && <p className="hint">{t('time.reducedMotion')}</p>}
      <Choice id={field('step')} label={t('time.step')} value={settings.stepMs} choices={withCurrent(STEP_CHOICES, settings.stepMs)} text={durationText} onChange={(v) => set({ stepMs: v })} />
      <Choice id={field('window')} label={t('time.windowLength')} value={settings.windowMs} choices={withCurrent(WINDOW_CHOICES, settings.windowMs)} text={durationText} onChange={(v) => set({ windowMs: v })} />
      <Choice id={field('mode')} label={t('time.mode')} value={settings.mode} choices={['slide', 'accumulate'] as const}
        text={(v) => (v === 'slide' ? t('time.modeSlide') : t('time.modeAccumulate'))} onChange={(mode) => set({ mode })} />
      <Choice id={field('domain')} label={t('time.domain')} value={settings.domain} choices={['fixed', 'float'] as const}
        text={(v) => (v === 'fixed' ? t('time.domainFixed') : t('time.domainFloat'))} onChange={(domain) => set({ domain })} />
    </fieldset>
  );
}

/** One labelled select over a fixed list of values; the value read back is one of them. */
function Choice<V extends string | number>({ id, label, value, choices, text, onChange }: {
  id: string;
  label: string;
  value: V;
  choices: readonly V[];
  text: (v: V) => string;
  onChange: (v: V) => void;
}) {
  return (
    <div className="time-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(choices.find((c) => String(c) === e.target.value) ?? value)}>
        {choices.map((v) => <option key={v} value={v}>{text(v)}</option>)}
      </select>
    </div>
  );
}

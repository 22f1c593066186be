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
      <div className="time-field">
        <label htmlFor={field('speed')}>{t('time.speed')}</label>
        <select id={field('speed')} value={settings.stepsPerSecond} onChange={(e) => set({ stepsPerSecond: Number(e.target.value) })}>
          {withCurrent(SPEED_CHOICES, settings.stepsPerSecond).map((v) => (
            <option key={v} value={v}>{t('time.speedValue', { n: formatNumber(v, { significant: 2 }) })}</option>
          ))}
        </select>
      </div>
      {reduced && <p className="hint">{t('time.reducedMotion')}</p>}
      <div className="time-field">
        <label htmlFor={field('step')}>{t('time.step')}</label>
        <select id={field('step')} value={settings.stepMs} onChange={(e) => set({ stepMs: Number(e.target.value) })}>
          {withCurrent(STEP_CHOICES, settings.stepMs).map((v) => <option key={v} value={v}>{durationText(v)}</option>)}
        </select>
      </div>
      <div className="time-field">
        <label htmlFor={field('window')}>{t('time.windowLength')}</label>
        <select id={field('window')} value={settings.windowMs} onChange={(e) => set({ windowMs: Number(e.target.value) })}>
          {withCurrent(WINDOW_CHOICES, settings.windowMs).map((v) => <option key={v} value={v}>{durationText(v)}</option>)}
        </select>
      </div>
      <div className="time-field">
        <label htmlFor={field('mode')}>{t('time.mode')}</label>
        <select id={field('mode')} value={settings.mode} onChange={(e) => set({ mode: e.target.value === 'accumulate' ? 'accumulate' : 'slide' })}>
          <option value="slide">{t('time.modeSlide')}</option>
          <option value="accumulate">{t('time.modeAccumulate')}</option>
        </select>
      </div>
      <div className="time-field">
        <label htmlFor={field('domain')}>{t('time.domain')}</label>
        <select id={field('domain')} value={settings.domain} onChange={(e) => set({ domain: e.target.value === 'float' ? 'float' : 'fixed' })}>
          <option value="fixed">{t('time.domainFixed')}</option>
          <option value="float">{t('time.domainFloat')}</option>
        </select>
      </div>
    </fieldset>
  );
}

// Rhythm filters: an hour-of-day range (which may wrap midnight, 22–2) and weekdays, with
// presets. They combine with the window: a row is kept when all of them keep it.
import type { TimeState } from '../../config/time-state';
import { getLocale, useT } from '../../i18n';

const HOURS = Array.from({ length: 25 }, (_, h) => h);
const pad = (h: number) => `${String(h).padStart(2, '0')}:00`;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The locale's short weekday name of ISO weekday `d` (2024-01-01 was a Monday). */
function weekdayName(d: number): string {
  return new Intl.DateTimeFormat(getLocale(), { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, d));
}

interface Props {
  id: string;
  state: Pick<TimeState, 'hours' | 'days'>;
  onChange: (patch: Pick<TimeState, 'hours' | 'days'>) => void;
  /** The fieldset's legend and the line under the hours: the time panel's by default (a layer's own filters say theirs). */
  legend?: string;
  hint?: string;
}

export function RhythmFilters({ id, state, onChange, legend, hint }: Props) {
  const t = useT();
  const days = state.days ?? ALL_DAYS;
  const from = state.hours?.from;
  const to = state.hours?.to;
  const setHours = (f: number | undefined, tt: number | undefined) => {
    if (f === undefined && tt === undefined) return onChange({ hours: undefined, days: state.days });
    // One end chosen: the other defaults to the day's start or end.
    const a = f ?? 0;
    const b = tt ?? 24;
    if (a % 24 === b % 24) return;
    onChange({ hours: { from: a, to: b }, days: state.days });
  };
  const toggleDay = (d: number, on: boolean) => {
    const next = on ? [...new Set([...days, d])].sort((a, b) => a - b) : days.filter((x) => x !== d);
    if (next.length === 0) return;
    onChange({ hours: state.hours, days: next.length === 7 ? undefined : next });
  };
  const hourSelect = (isFrom: boolean, value: number | undefined) => {
    const which = isFrom ? 'from' : 'to';
    return (
      <div className="time-field">
        <label htmlFor={`${id}-hours-${which}`}>{t(which === 'from' ? 'time.fromHour' : 'time.toHour')}</label>
        <select id={`${id}-hours-${which}`} value={value ?? ''}
          onChange={(e) => {
            const v = e.target.value === '' ? undefined : Number(e.target.value);
            if (which === 'from') setHours(v, v === undefined ? undefined : to);
            else setHours(v === undefined ? undefined : from, v);
          }}>
          <option value="">{t('time.anyHour')}</option>
          {HOURS.filter((h) => (which === 'from' ? h < 24 : h > 0)).map((h) => <option key={h} value={h}>{pad(h)}</option>)}
        </select>
      </div>
    );
  };
  return (
    <fieldset className="rhythm" data-rhythm={id}>
      <legend>{legend ?? t('time.rhythm')}</legend>
      <div className="rhythm-hours">
        {hourSelect(true, from)}
        {hourSelect(false, to)}
      </div>
      <p className="hint">{t('time.hoursHint')}</p>
      {hint && <p className="hint">{hint}</p>}
      <fieldset className="rhythm-days">
        <legend>{t('time.weekdays')}</legend>
        {ALL_DAYS.map((d) => (
          <label key={d} className="day">
            <input type="checkbox" checked={days.includes(d)} onChange={(e) => toggleDay(d, e.target.checked)} />
            {weekdayName(d)}
          </label>
        ))}
      </fieldset>
      <div className="rhythm-presets">
        <button type="button" className="button" onClick={() => onChange({ hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] })}>{t('time.presetMornings')}</button>{' '}
        <button type="button" className="button" onClick={() => onChange({ hours: { from: 22, to: 2 }, days: undefined })}>{t('time.presetNights')}</button>{' '}
        <button type="button" className="button" onClick={() => onChange({ hours: undefined, days: [6, 7] })}>{t('time.presetWeekends')}</button>{' '}
        <button type="button" className="button" onClick={() => onChange({ hours: undefined, days: undefined })}>{t('time.presetAll')}</button>
      </div>
    </fieldset>
  );
}

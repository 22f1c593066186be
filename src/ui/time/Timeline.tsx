// A dataset's rows per bin as an SVG histogram ('time-bins'), with a brush: drag across it
// (snapped to bins), or move its two ends with the keyboard (arrows: a bin, Page keys: ten,
// Home/End: the range's ends). The brushed window is the dataset's time window.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimelineBin } from '../../config/time-state';
import { isAbortError } from '../../engine/abort';
import { formatDateTime, useT } from '../../i18n';
import type { Coordinator } from '../coordinator';
import { nextBinStart, snapToBin, stepBins } from './bins';
import { clockRange, columnInstant, instantOfBound } from '../../config/dataset-clock';
import { windowText } from './time-text';
import type { TimeEntry } from './use-time';

const W = 600;
const H = 90;

interface Bars {
  starts: number[];
  ends: number[];
  counts: Float64Array;
  max: number;
  rows: number;
}

interface Props {
  coordinator: Coordinator | null;
  entry: TimeEntry;
  bin: TimelineBin;
  minCount: number;
  /** The window shown now (a playing frame, or the state's); null = all times. */
  shown: { from: number; to: number } | null;
  onWindow: (w: { from: number; to: number } | null) => void;
}

export function Timeline({ coordinator, entry, bin, minCount, shown, onWindow }: Props) {
  const t = useT();
  const { info, clock, zone, state } = entry;
  const range = useMemo(() => clockRange(clock, zone), [clock, zone]);
  const [bars, setBars] = useState<Bars | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ anchor: number; at: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  // The whole range, binned in the display zone as the layers are, with the rhythm filters:
  // the bars say which rows the layers count.
  const { hours, days } = state;
  useEffect(() => {
    if (!coordinator) return;
    let live = true;
    const rhythm = hours || days ? { time: { column: clock.column, ...(hours ? { hours } : {}), ...(days ? { days } : {}) } } : {};
    coordinator
      .supersede(`timeline:${info.id}`, { type: 'time-bins', dataset: info.id, column: clock.column, bin, minCount, zone, ...rhythm })
      .then(({ value }) => {
        if (!live) return;
        const starts: number[] = [];
        const ends: number[] = [];
        let max = 0;
        for (let i = 0; i < value.keys.length; i++) {
          // Zoned bins start at instants; the column-clock ones are read on the column's clock.
          const s = value.offsets ? value.keys[i] : columnInstant(clock, value.keys[i], zone);
          starts.push(s);
          ends.push(nextBinStart(bin, s, zone));
          if (Number.isFinite(value.counts[i])) max = Math.max(max, value.counts[i]);
        }
        setBars({ starts, ends, counts: value.counts, max, rows: value.rows });
        setError(null);
      }, (err: Error) => {
        if (live && !isAbortError(err)) setError(err.message);
      });
    return () => {
      live = false;
    };
  }, [coordinator, info.id, clock, bin, zone, minCount, hours, days]);

  const span = range.to - range.from;
  const x = (ms: number) => ((ms - range.from) / span) * W;
  const msAt = (clientX: number) => {
    const r = svg.current!.getBoundingClientRect();
    return range.from + Math.min(1, Math.max(0, (clientX - r.left) / r.width)) * span;
  };
  const clamp = (ms: number) => Math.min(range.to, Math.max(range.from, ms));
  const snap = (ms: number) => clamp(snapToBin(bin, ms, zone));

  const brushed = drag ? { from: Math.min(drag.anchor, drag.at), to: Math.max(drag.anchor, drag.at) } : shown;
  const stateFrom = state.window?.from !== undefined ? instantOfBound(state.window.from, zone) : range.from;
  const stateTo = state.window?.to !== undefined ? instantOfBound(state.window.to, zone) : range.to;

  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const a = snap(msAt(e.clientX));
    setDrag({ anchor: a, at: a });
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => drag && setDrag({ ...drag, at: snap(msAt(e.clientX)) });
  const onUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const at = snap(msAt(e.clientX));
    let from = Math.min(drag.anchor, at);
    let to = Math.max(drag.anchor, at);
    // A click picks the bin under it.
    if (from === to) {
      from = clamp(stepBins(bin, msAt(e.clientX), 0, zone));
      to = clamp(nextBinStart(bin, from, zone));
    }
    setDrag(null);
    if (to > from) onWindow({ from, to });
  };

  /** Keys on one end of the brush: that end moves, the other stays. */
  const onKey = (end: 'from' | 'to') => (e: KeyboardEvent<HTMLSpanElement>) => {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };
    const current = end === 'from' ? stateFrom : stateTo;
    let next: number;
    if (e.key in steps) next = clamp(stepBins(bin, snap(current), steps[e.key], zone));
    else if (e.key === 'Home') next = range.from;
    else if (e.key === 'End') next = range.to;
    else return;
    e.preventDefault();
    const w = end === 'from' ? { from: next, to: stateTo } : { from: stateFrom, to: next };
    if (w.to > w.from) onWindow(w);
  };

  const label = t('time.histogram', { bin, from: formatDateTime(range.from, zone), to: formatDateTime(range.to, zone) });
  return (
    <div className="timeline" data-timeline={info.id}>
      <svg ref={svg} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-bins={bars?.starts.length ?? 0}
        onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={() => setDrag(null)}>
        <title>{label}</title>
        {bars?.starts.map((s, i) => {
          const n = bars.counts[i];
          if (!Number.isFinite(n) || bars.max <= 0) return null;
          const h = (n / bars.max) * (H - 4);
          return <rect key={i} className="timeline-bar" x={x(s)} width={Math.max(0.5, x(bars.ends[i]) - x(s) - 0.3)} y={H - h} height={h} />;
        })}
        {brushed && <rect className="timeline-brush" x={x(brushed.from)} width={Math.max(1, x(brushed.to) - x(brushed.from))} y={0} height={H} />}
      </svg>
      <div className="timeline-ends">
        <span role="slider" tabIndex={0} className="timeline-end" aria-label={t('time.brushStart')} aria-valuemin={range.from} aria-valuemax={range.to}
          aria-valuenow={stateFrom} aria-valuetext={formatDateTime(stateFrom, zone)} onKeyDown={onKey('from')}>
          {formatDateTime(stateFrom, zone)}
        </span>
        <span className="timeline-rows">{bars ? t('common.rows', { n: bars.rows }) : t('time.loading')}</span>
        <span role="slider" tabIndex={0} className="timeline-end" aria-label={t('time.brushEnd')} aria-valuemin={range.from} aria-valuemax={range.to}
          aria-valuenow={stateTo} aria-valuetext={formatDateTime(stateTo, zone)} onKeyDown={onKey('to')}>
          {formatDateTime(stateTo, zone)}
        </span>
      </div>
      <p className="time-label" data-time-label={info.id}>
        {shown ? windowText(shown.from, shown.to, zone) : t('time.allTimes')}
      </p>
      {error && <p className="time-error" role="alert">{t('time.failed', { message: error })}</p>}
      {bars && bars.max === 0 && <p>{t('time.noRows')}</p>}
    </div>
  );
}

// Times as text: ISO 8601 bounds, with or without a zone (`Z`, `+02:00`, `-0400`), and
// bin starts written back as ISO 8601 with their offset.
import { EngineError } from '../engine-error';

/** A bound read from text: an instant when the text gave a zone, else a wall time. */
export type ReadTime = { kind: 'instant'; ms: number } | { kind: 'wall'; ms: number };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Which bound of a window a time is, as failures name it. */
export type TimeBound = 'start' | 'end';

/** The bound a caller names, else just a time. */
function boundOf(what: TimeBound | undefined): TimeBound | 'time' {
  return what ?? 'time';
}

/** ISO date/time text; `what` names the bound in failures. Numbers are instants (epoch ms). */
export function readTime(v: string | number, what?: TimeBound): ReadTime {
  const bound = boundOf(what);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new EngineError('time-not-finite', { bound, value: String(v) });
    return { kind: 'instant', ms: v };
  }
  const m = ISO.exec(v.trim());
  if (!m) throw new EngineError('time-not-iso', { bound, value: v });
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.floor(Number(`0.${frac}`) * 1000));
  const back = new Date(wall);
  if (back.getUTCFullYear() !== +y || back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
    throw new EngineError('time-not-real', { bound, value: v });
  }
  if (!zone) return { kind: 'wall', ms: wall };
  if (zone.toUpperCase() === 'Z') return { kind: 'instant', ms: wall };
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const off = (z[1] === '-' ? -1 : 1) * (+z[2] * 60 + Number(z[3] ?? 0)) * 60_000;
  return { kind: 'instant', ms: wall - off };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant as ISO 8601 wall time with its offset, e.g. 2024-03-10T00:00:00-05:00 (Z for UTC). */
export function isoWithOffset(ms: number, offsetMs: number): string {
  const w = new Date(ms + offsetMs);
  const date = `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  if (offsetMs === 0) return `${date}T${time}Z`;
  const m = Math.round(Math.abs(offsetMs) / 60_000);
  return `${date}T${time}${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

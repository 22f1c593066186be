// A drill-down's answer as rows: the cell's and the city's statistic per bin, and the cell's
// hour × weekday grid, for the charts, their tables and the CSV. Pure. Suppressed stays
// suppressed everywhere (no value, flagged); CSV numbers are locale-independent.
import type { CellSeries } from '../../engine/protocol';
import { isAdditive } from '../../engine/aggregate/stats';
import type { AggregateStat } from '../../engine/protocol';

export interface SeriesRow {
  /** Bin start as display-zone wall time, read as UTC (what the chart's UTC axis shows). */
  wall: number;
  /** Bin start instant. */
  start: number;
  cell: number | null;
  cellSuppressed: boolean;
  city: number | null;
  citySuppressed: boolean;
}

export interface GridRow {
  /** ISO weekday 1 (Monday) … 7. */
  day: number;
  hour: number;
  value: number | null;
  suppressed: boolean;
}

const valueOf = (v: number, suppressed: number) => (suppressed || !Number.isFinite(v) ? null : v);

/**
 * The series rows. For an additive statistic (count, sum) the city line is the city's
 * value divided by `areas`, the layer's areas with rows, so that it sits on the cell's scale.
 */
export function seriesRows(s: CellSeries, stat: AggregateStat, areas: number): SeriesRow[] {
  const per = isAdditive(stat) && areas > 0 ? 1 / areas : 1;
  return Array.from(s.starts, (start, i) => {
    const city = valueOf(s.city.values[i], s.city.suppressed[i]);
    return {
      wall: start + s.offsets[i],
      start,
      cell: valueOf(s.cell.values[i], s.cell.suppressed[i]),
      cellSuppressed: s.cell.suppressed[i] === 1,
      city: city === null ? null : city * per,
      citySuppressed: s.city.suppressed[i] === 1,
    };
  });
}

export function gridRows(s: CellSeries): GridRow[] {
  return Array.from({ length: 168 }, (_, e) => ({
    day: Math.floor(e / 24) + 1,
    hour: e % 24,
    value: valueOf(s.grid.values[e], s.grid.suppressed[e]),
    suppressed: s.grid.suppressed[e] === 1,
  }));
}

/** A CSV field: numbers as JavaScript writes them (a point, never a comma), text quoted when it must be. */
function field(v: string | number | null): string {
  if (v === null) return '';
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csv = (header: string[], rows: (string | number | null)[][]) => [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

/** The series as CSV: bin start (ISO with its offset), cell and city values, suppression flags. */
export function seriesCsv(rows: SeriesRow[], isoOf: (row: SeriesRow) => string): string {
  return csv(
    ['bin_start', 'cell', 'cell_suppressed', 'city', 'city_suppressed'],
    rows.map((r) => [isoOf(r), r.cell, r.cellSuppressed ? 1 : 0, r.city, r.citySuppressed ? 1 : 0]),
  );
}

export function gridCsv(rows: GridRow[]): string {
  return csv(['iso_weekday', 'hour', 'value', 'suppressed'], rows.map((r) => [r.day, r.hour, r.value, r.suppressed ? 1 : 0]));
}

// The drill-down's rows, tables and CSV from a cell-series answer: suppressed bins stay
// suppressed (no value, flagged), an additive city line is per area, and the CSV's numbers
// never follow the reader's locale.
import { describe, expect, it } from 'vitest';
import type { CellSeries } from '../../src/engine/protocol';
import { gridCsv, gridRows, seriesCsv, seriesRows } from '../../src/ui/drill/series-rows';
import { binForSpan } from '../../src/ui/drill/drill-target';
import { setLocale } from '../../src/i18n';
import { isoWithOffset } from '../../src/engine/time';

const H = 3_600_000;
// Three New York hours across the 2024-03-10 spring-forward gap: 00:00 and 01:00 EST, 03:00 EDT.
const t0 = Date.UTC(2024, 2, 10, 5);
const series: CellSeries = {
  bin: 'hour',
  zone: 'America/New_York',
  starts: Float64Array.of(t0, t0 + H, t0 + 2 * H),
  offsets: Float64Array.of(-5 * H, -5 * H, -4 * H),
  cell: { counts: Float64Array.of(12, NaN, 7), values: Float64Array.of(12, NaN, 7.5), suppressed: Uint8Array.of(0, 1, 0) },
  city: { counts: Float64Array.of(400, 300, 350), values: Float64Array.of(400, 300, 350), suppressed: Uint8Array.of(0, 0, 0) },
  grid: {
    counts: Float64Array.from({ length: 168 }, (_, e) => e),
    values: Float64Array.from({ length: 168 }, (_, e) => (e === 30 ? NaN : e / 2)),
    suppressed: Uint8Array.from({ length: 168 }, (_, e) => (e === 30 ? 1 : 0)),
  },
  sql: '',
};

describe('drill-down rows', () => {
  it('keep suppression, put wall times on the axis, and average an additive city line per area', () => {
    const rows = seriesRows(series, 'count', 4);
    expect(rows.map((r) => r.wall)).toEqual([Date.UTC(2024, 2, 10, 0), Date.UTC(2024, 2, 10, 1), Date.UTC(2024, 2, 10, 3)]);
    expect(rows.map((r) => r.cell)).toEqual([12, null, 7.5]);
    expect(rows.map((r) => r.cellSuppressed)).toEqual([false, true, false]);
    expect(rows.map((r) => r.city)).toEqual([100, 75, 87.5]);
    // A mean is not divided: the city's mean is on the cell's scale already.
    expect(seriesRows(series, 'mean', 4).map((r) => r.city)).toEqual([400, 300, 350]);
  });

  it('write CSV with points for decimals whatever the locale, suppressed as empty and flagged', () => {
    setLocale('da');
    try {
      const rows = seriesRows(series, 'mean', 4);
      const csv = seriesCsv(rows, (r) => isoWithOffset(r.start, r.wall - r.start));
      expect(csv).toBe(
        'bin_start,cell,cell_suppressed,city,city_suppressed\r\n' +
          '2024-03-10T00:00:00-05:00,12,0,400,0\r\n' +
          '2024-03-10T01:00:00-05:00,,1,300,0\r\n' +
          '2024-03-10T03:00:00-04:00,7.5,0,350,0\r\n',
      );
      const grid = gridCsv(gridRows(series)).split('\r\n');
      expect(grid[0]).toBe('iso_weekday,hour,value,suppressed');
      expect(grid[1]).toBe('1,0,0,0');
      // Entry 30 is Tuesday 06:00.
      expect(grid[31]).toBe('2,6,,1');
      expect(grid[168]).toBe('7,23,83.5,0');
    } finally {
      setLocale('en');
    }
  });

  it('pick hours for two weeks, days for half a year, weeks beyond', () => {
    const D = 86_400_000;
    expect(binForSpan(11 * D)).toBe('hour');
    expect(binForSpan(15 * D)).toBe('day');
    expect(binForSpan(200 * D)).toBe('week');
  });
});

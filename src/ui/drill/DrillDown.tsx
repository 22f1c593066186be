// The drill-down of a selected cell or district (issue 12): its statistic per bin against
// the city's, and its hour-of-day × day-of-week grid, as Observable Plot charts coloured
// from the layer's own scheme, each with a table alternative and a CSV download.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CellSeries } from '../../engine/protocol';
import type { DrillTarget } from './drill-target';
import { isAbortError } from '../../engine/abort';
import { isoWithOffset } from '../../engine/time';
import { SCHEMES } from '../../scales/colour';
import { formatDateTime, formatNumber, intlLocale, useT } from '../../i18n';
import type { Coordinator } from '../coordinator';
import { download } from '../export/download';
import { PLOT_CLASS, PlotChart } from './PlotChart';
import { gridCsv, gridRows, seriesCsv, seriesRows, type GridRow, type SeriesRow } from './series-rows';
import './drill.css';

type Props = DrillTarget & {
  coordinator: Coordinator;
  /** What the file names say: the layer and the area. */
  fileStem: string;
};

/** ISO weekday d's name in the reader's language (1 January 2024 was a Monday). */
function weekdayName(d: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, d));
}

export function DrillDown({ coordinator, layer, cell, bin, stat, scheme, areas, fileStem }: Props) {
  const t = useT();
  const [series, setSeries] = useState<CellSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSeries(null);
    setError(null);
    coordinator.supersede('drill-down', { type: 'cell-series', layer, cell, bin }).then(
      ({ value }) => live && setSeries(value),
      (err: Error) => live && !isAbortError(err) && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [coordinator, layer, cell, bin]);

  const rows = useMemo(() => (series ? seriesRows(series, stat, areas) : []), [series, stat, areas]);
  const grid = useMemo(() => (series ? gridRows(series) : []), [series]);
  const zone = series?.zone ?? 'UTC';
  const interpolate = SCHEMES[scheme].interpolate;
  const show = (v: number | null, suppressed: boolean) => (suppressed ? t('drill.suppressed') : v === null ? t('pick.noValue') : formatNumber(v, { significant: 4 }));
  const weekday = weekdayName;
  const cellName = t('drill.cell');
  const cityName = t('drill.city');

  const lineChart = useCallback((Plot: typeof import('@observablehq/plot')) => {
    // Wall times read as UTC on a UTC axis: the axis shows the display zone's clock.
    const at = (r: SeriesRow) => new Date(r.wall);
    return Plot.plot({
      className: PLOT_CLASS,
      width: 320,
      height: 180,
      marginLeft: 48,
      x: { type: 'utc', label: null },
      y: { grid: true, label: null },
      marks: [
        Plot.lineY(rows, { x: at, y: (r: SeriesRow) => r.city, stroke: '#767676', strokeDasharray: '4 3' }),
        Plot.lineY(rows, { x: at, y: (r: SeriesRow) => r.cell, stroke: interpolate(0.15), strokeWidth: 2 }),
      ],
    });
  }, [rows, interpolate]);

  const gridChart = useCallback((Plot: typeof import('@observablehq/plot')) => Plot.plot({
    className: PLOT_CLASS,
    width: 320,
    height: 170,
    marginLeft: 36,
    padding: 0.05,
    x: { label: null, ticks: [0, 6, 12, 18] },
    y: { label: null, tickFormat: (d: number) => weekday(d).slice(0, 3) },
    color: { type: 'linear', interpolate, unknown: '#d0d0d0' },
    marks: [Plot.cell(grid, { x: 'hour', y: 'day', fill: (r: GridRow) => r.value ?? undefined })],
  }), [grid, interpolate, weekday]);

  if (error) return <p role="alert" className="drill-error">{error}</p>;
  if (!series) return <p className="drill-loading" role="status">{t('drill.loading')}</p>;
  const iso = (r: SeriesRow) => isoWithOffset(r.start, r.wall - r.start);
  const save = (text: string, name: string) => download(new Blob([text], { type: 'text/csv' }), `${fileStem}-${name}.csv`);
  return (
    <section className="drill" aria-label={t('drill.label')}>
      <h3>{t('drill.series', { bin })}</h3>
      <p className="drill-key">
        <span className="swatch" style={{ background: interpolate(0.15) }} aria-hidden="true" /> {cellName}
        <span className="swatch city" aria-hidden="true" /> {stat === 'count' || stat === 'sum' ? t('drill.cityPerArea') : cityName}
      </p>
      <PlotChart make={lineChart} label={t('drill.seriesLabel', { bins: rows.length })} />
      <details>
        <summary>{t('drill.table')}</summary>
        <table>
          <thead><tr><th scope="col">{t('drill.binStart', { zone })}</th><th scope="col">{cellName}</th><th scope="col">{cityName}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.start}><th scope="row">{formatDateTime(r.start, zone)}</th><td>{show(r.cell, r.cellSuppressed)}</td><td>{show(r.city, r.citySuppressed)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
      <button type="button" onClick={() => save(seriesCsv(rows, iso), 'series')}>{t('drill.downloadSeries')}</button>
      <h3>{t('drill.grid')}</h3>
      <PlotChart make={gridChart} label={t('drill.gridLabel')} />
      <details>
        <summary>{t('drill.table')}</summary>
        <table>
          <thead><tr><th scope="col">{t('drill.weekday')}</th>{Array.from({ length: 24 }, (_, h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <tr key={d}><th scope="row">{weekday(d)}</th>{grid.filter((g) => g.day === d).map((g) => <td key={g.hour}>{show(g.value, g.suppressed)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
      <button type="button" onClick={() => save(gridCsv(grid), 'hour-weekday')}>{t('drill.downloadGrid')}</button>
    </section>
  );
}

// Each map's text alternative in the citizen view: its areas ranked, as a table.
import type { PublishedLayer } from '../../config/published';
import { formatInteger, formatNumber, useT } from '../../i18n';
import { rankedRows } from './ranked-rows';

const SHOWN = 10;

export function RankedTable({ layer }: { layer: PublishedLayer }) {
  const t = useT();
  const r = rankedRows(layer, SHOWN);
  const hot = layer.analysis === 'hotspots';
  return (
    <details className="public-ranked">
      <summary>{t('public.asTable')}</summary>
      {r.rows.length ? (
        <table>
          <caption>{hot ? t('public.rankedHot', { title: layer.spec.title }) : t('public.ranked', { title: layer.spec.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('public.rank')}</th>
              <th scope="col">{t('public.area')}</th>
              <th scope="col">{hot ? t('public.hotClass') : t('public.value')}</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.id}>
                <td>{formatInteger(row.rank)}</td>
                <th scope="row">{row.name ?? t('public.areaId', { id: row.id })}</th>
                <td>{row.hotspot ? t(`hotspots.class.${row.hotspot}` as 'hotspots.class.hot-99') : formatNumber(row.value, { significant: 3 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('public.noneRanked')}</p>
      )}
      <p>{t('public.rankedRest', { more: formatInteger(r.more), moreN: r.more, noValue: r.noValue, suppressed: r.suppressed })}</p>
    </details>
  );
}

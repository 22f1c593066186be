// The legend reads the same ColourScale the layer was drawn with, so they always agree.
import type { ColourScale, Rgba } from '../scales/colour';
import { SUPPRESSED_COLOUR } from '../scales/colour';
import type { LayerSpec } from '../config/layer';
import { measureLabel } from '../map/layer-labels';
import { formatInteger, formatNumber, useT } from '../i18n';

/** A break or a domain end as the legend prints it: at most four significant digits. */
const num = (v: number) => formatNumber(v, { significant: 4 });
const css = (c: Rgba) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;

function Swatch({ colour }: { colour: Rgba }) {
  // React sets style through the CSSOM, which the CSP (style-src 'self') allows.
  return <span className="swatch" style={{ background: css(colour) }} aria-hidden="true" />;
}

export function Legend({ spec, scale, minCount, suppressedCells, noData = 0 }: { spec: LayerSpec; scale: ColourScale; minCount: number; suppressedCells: number; noData?: number }) {
  const t = useT();
  const { breaks, colours, domain } = scale;
  const rows: { colour: Rgba; label: string }[] = scale.categories
    ? scale.categories.map((c, i) => ({ colour: colours[i], label: c }))
    : scale.options.classification === 'linear'
      ? colours.map((c, i) => ({ colour: c, label: num(domain[0] + ((domain[1] - domain[0]) * i) / (colours.length - 1)) }))
      : colours.map((c, i) => ({
          colour: c,
          label:
            i === 0
              ? t('legend.below', { value: num(breaks[0] ?? domain[1]) })
              : i === colours.length - 1
                ? t('legend.atLeast', { value: num(breaks[i - 1]) })
                : t('legend.between', { from: num(breaks[i - 1]), to: num(breaks[i]) }),
        }));
  if (scale.otherCategory) rows.push({ colour: colours[rows.length], label: t('legend.other') });
  if (!scale.categories && colours.length === 1) rows[0].label = t('legend.span', { from: num(domain[0]), to: num(domain[1]) });
  return (
    <figure className="legend" aria-label={t('legend.label', { title: spec.title })} data-legend={spec.id}>
      <figcaption>{measureLabel(spec)}</figcaption>
      <ul>
        {rows.map((r, i) => (
          <li key={i} data-break={i}>
            <Swatch colour={r.colour} />
            {r.label}
          </li>
        ))}
        {noData > 0 && (
          <li data-break="no-data">
            <span className="swatch no-data" aria-hidden="true" />
            {t('legend.noData', { n: formatInteger(noData) })}
          </li>
        )}
        {minCount > 0 && suppressedCells > 0 && (
          <li data-break="suppressed">
            <Swatch colour={SUPPRESSED_COLOUR} />
            {t('legend.suppressed', { minCount, n: formatInteger(suppressedCells) })}
          </li>
        )}
      </ul>
    </figure>
  );
}

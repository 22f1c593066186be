// A legend's rows (colour and label) from the ColourScale the layer was drawn with: the
// legend panel and the exported map image both read them, so they always agree.
import type { ColourScale, Rgba } from '../scales/colour';
import { formatNumber, t } from '../i18n';

/** A break or a domain end as the legend prints it: at most four significant digits. */
const num = (v: number) => formatNumber(v, { significant: 4 });

export interface LegendRow {
  colour: Rgba;
  label: string;
}

export function legendRows(scale: ColourScale): LegendRow[] {
  const { breaks, colours, domain } = scale;
  const rows: LegendRow[] = scale.categories
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
  return rows;
}

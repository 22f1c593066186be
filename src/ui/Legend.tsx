// The legend reads the same ColourScale the layer was drawn with, so they always agree.
import type { ColourScale, Rgba } from '../scales/colour';
import { SUPPRESSED_COLOUR } from '../scales/colour';
import type { LayerSpec } from '../config/layer';
import { measureLabel } from '../map/layer-labels';
import { formatInteger, useT } from '../i18n';
import { legendRows } from './legend-rows';

const css = (c: Rgba) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;

function Swatch({ colour }: { colour: Rgba }) {
  // React sets style through the CSSOM, which the CSP (style-src 'self') allows.
  return <span className="swatch" style={{ background: css(colour) }} aria-hidden="true" />;
}

export function Legend({ spec, scale, minCount, suppressedCells, noData = 0 }: { spec: LayerSpec; scale: ColourScale; minCount: number; suppressedCells: number; noData?: number }) {
  const t = useT();
  const rows = legendRows(scale);
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

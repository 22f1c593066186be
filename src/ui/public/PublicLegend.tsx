// A published layer's legend in words: its classes (the analyst view's Legend over the same
// scale), or for hot spots the class names the catalogue words, and how it was made.
import { SUPPRESSED, type PublishedLayer } from '../../config/published';
import { HOTSPOT_CLASSES } from '../../engine/stats/classes';
import { publishedScale } from '../../map/published-source';
import { classColour } from '../../scales/significance';
import { engineText, useT } from '../../i18n';
import { Legend } from '../Legend';
import { RankedTable } from './RankedTable';

const css = (c: readonly number[]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;
const SHOWN = HOTSPOT_CLASSES.filter((c) => c !== 'outside');
/** The seven classes always listed; isolated and suppressed only where the map has them. */
const DIVERGING = new Set<string>(['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99']);

export function PublicLegend({ layer }: { layer: PublishedLayer }) {
  const t = useT();
  const present = new Set(layer.features.features.map((f) => f.properties.c));
  return (
    <section className="public-legend" aria-label={t('legend.label', { title: layer.spec.title })}>
      <h2>{layer.spec.title}</h2>
      {layer.analysis === 'hotspots' ? (
        <ul className="hotspot-classes">
          {SHOWN.filter((c) => DIVERGING.has(c) || present.has(c === 'suppressed' ? SUPPRESSED : HOTSPOT_CLASSES.indexOf(c))).map((c) => (
            <li key={c} data-class={c}>
              <span className="swatch" style={{ background: css(classColour('hotspots', c)) }} aria-hidden="true" />
              {t(`hotspots.class.${c}`)}
            </li>
          ))}
        </ul>
      ) : (
        <Legend
          spec={layer.spec}
          scale={publishedScale(layer)}
          minCount={layer.minCount}
          suppressedCells={layer.suppressedCells}
        />
      )}
      <RankedTable layer={layer} />
      {layer.method && (
        <details className="public-method">
          <summary>{t('public.howMade')}</summary>
          <p>{engineText({ code: layer.method.code, params: layer.method.params })}</p>
        </details>
      )}
    </section>
  );
}

// The legends of the published layers the first frame draws (use-published-preview.ts):
// the same Legend the live layer gets, from the published scale, so its classes do not
// move when the live layer replaces it, with a note that the live data is on its way.
import { useMemo } from 'react';
import { SUPPRESSED, type PublishedLayer } from '../config/published';
import { publishedScale } from '../map/published-source';
import { useT } from '../i18n';
import { Legend } from './Legend';

function PublishedLegend({ layer }: { layer: PublishedLayer }) {
  const t = useT();
  const scale = useMemo(() => publishedScale(layer), [layer]);
  // As the live legend counts them: areas drawn without a value, not suppressed ones.
  const noData = layer.features.features.filter((f) => f.properties.value === null && f.properties.c !== SUPPRESSED).length;
  return (
    <div className="published-legend" data-published={layer.layer}>
      <Legend spec={layer.spec} scale={scale} minCount={layer.minCount} suppressedCells={layer.suppressedCells} noData={noData} />
      <p className="legend-note">{t('legend.publishedLoading')}</p>
    </div>
  );
}

export function PublishedLegends({ layers }: { layers: readonly PublishedLayer[] }) {
  return layers.map((l) => <PublishedLegend key={l.layer} layer={l} />);
}

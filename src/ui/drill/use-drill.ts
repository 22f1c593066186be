// The drill-down target of the selected area, following the layer's query and its
// dataset's time state (window, rhythm filters, display zone).
import { useMemo } from 'react';
import type { DatasetInfo } from '../../engine/protocol';
import type { LayerSpec } from '../../config/layer';
import type { PickDetail } from '../../map/picking';
import type { RenderedLayer } from '../../map/render-layers';
import { layerQueryOrNull } from '../layer-data';
import type { useTime } from '../time/use-time';
import { drillTarget, type DrillTarget } from './drill-target';

export function useDrill(
  selected: { specId: string; detail: PickDetail } | null,
  spec: LayerSpec | null | undefined,
  rendered: readonly RenderedLayer[],
  minCount: number,
  datasets: readonly DatasetInfo[],
  time: Pick<ReturnType<typeof useTime>, 'windows' | 'entries'>,
): DrillTarget | null {
  const { windows, entries } = time;
  return useMemo(() => {
    const r = spec && rendered.find((x) => x.spec.id === spec.id);
    if (!selected || !spec || !r) return null;
    const query = layerQueryOrNull(spec, minCount, windows);
    if (!query || !('by' in query)) return null;
    const dataset = datasets.find((d) => d.id === spec.dataset);
    const entry = entries.find((e) => e.info.id === spec.dataset);
    return drillTarget(spec, r.data, selected.detail.index, query, dataset, entry && { column: entry.clock.column, zone: entry.zone });
  }, [selected, spec, rendered, minCount, datasets, windows, entries]);
}

// The current state as a dashboard config (version 2) that loads back to the same view:
// the config the page opened with, with the view, basemap, datasets and layers of now.
import type { DashboardConfig } from '../../config/dashboard';
import type { DatasetEntry } from '../../config/dataset-entry';
import { roundView, type PageState } from '../../config/url-state';
import type { DatasetInfo } from '../../engine/protocol';

export function currentConfig(config: DashboardConfig, page: PageState, datasets: readonly DatasetInfo[], sources: Readonly<Record<string, PageState['sources'][number]>>): DashboardConfig {
  const load: string[] = [];
  const added: DatasetEntry[] = [];
  for (const d of datasets) {
    const src = sources[d.id];
    if (!src) continue; // a file the reader opened: no config can name it
    if ('entry' in src) load.push(src.entry);
    else {
      if (!config.datasets.some((e) => e.id === d.id)) added.push({ id: d.id, url: src.url, name: d.name });
      load.push(d.id);
    }
  }
  const linkable = new Set(load);
  // Time states under the config's names of their datasets (what use-time.ts reads back).
  const time: NonNullable<DashboardConfig['time']> = {};
  for (const d of datasets) {
    const state = page.time?.[d.id];
    const src = sources[d.id];
    if (state && src) time['entry' in src ? src.entry : d.id] = state;
  }
  return {
    ...config,
    view: roundView(page.view),
    basemap: { ...config.basemap, default: page.basemap },
    datasets: [...config.datasets, ...added],
    load,
    layers: page.layers.filter((l) => linkable.has(l.dataset)),
    time: Object.keys(time).length ? time : undefined,
  };
}

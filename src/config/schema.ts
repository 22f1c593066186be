// The config's schemas in one place, for callers that want them all: the dashboard config
// (dashboard.ts, version 2), its parts, and the catalog file. parseConfig validates any
// version and throws on the first problem; the app uses validateConfig (validate.ts), which
// reports them all.
import { formatPath } from './json-path';
import { Catalog } from './catalog';

export { Catalog, CatalogEntry } from './catalog';
export { BasemapConfig, BasemapEntry } from './basemap';
export { DashboardConfig, CONFIG_FILE, CONFIG_VERSION, emptyDashboard } from './dashboard';
export { DatasetEntry } from './dataset-entry';
export { Story, StoryStep } from './story';
export { View, MapState, TimeWindow, Extent } from './view';
export { parseConfig, validateConfig, validateConfigText, reportLines, type ConfigReport } from './validate';

/** The catalog, or an error naming the file and the first problem. */
export function parseCatalog(json: unknown, fileName: string): Catalog {
  const result = Catalog.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${fileName}: ${formatPath(issue.path) || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}

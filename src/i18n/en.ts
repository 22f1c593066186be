// English UI strings. Other languages add a sibling file with the same keys.
export const en = {
  appTitle: 'CityLens',
  openFile: 'Open data file',
  starting: 'Starting the data engine…',
  engineReady: (ms: number) => `Data engine ready in ${(ms / 1000).toFixed(1)} s`,
  loading: (name: string) => `Loading ${name}…`,
  loadingBytes: (name: string, loaded: string, total: string | null) =>
    total ? `Loading ${name}: ${loaded} of ${total}` : `Loading ${name}: ${loaded}`,
  loadingRows: (name: string, rows: string) => `Loading ${name}: ${rows} rows`,
  loaded: (name: string, rows: string) => `Loaded ${name}: ${rows} rows`,
  drawn: (name: string, points: string) => `Drew ${points} points of ${name}`,
  noCatalog:
    'No sample data here. Open a Parquet, CSV, GeoJSON, TopoJSON or Arrow file with “Open data file”, or drop one on the map.',
  loadFailed: (message: string) => `Could not load: ${message}`,
  datasets: 'Datasets',
  rows: 'rows',
  remove: 'Remove',
  query: 'Query',
};
export type Strings = typeof en;

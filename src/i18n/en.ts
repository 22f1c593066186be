// English UI strings. Other languages add a sibling file with the same keys.
export const en = {
  appTitle: 'CityLens',
  openFile: 'Open data file',
  starting: 'Starting the data engine…',
  engineReady: (ms: number) => `Data engine ready in ${(ms / 1000).toFixed(1)} s`,
  loading: (name: string) => `Loading ${name}…`,
  loaded: (name: string, rows: string) => `Loaded ${name}: ${rows} rows`,
  noCatalog:
    'No sample data here. Open a Parquet, CSV, GeoJSON, TopoJSON or Arrow file with “Open data file”, or drop one on the map.',
  loadFailed: (message: string) => `Could not load: ${message}`,
  datasets: 'Datasets',
  rows: 'rows',
  remove: 'Remove',
  query: 'Query',
  marksComment: (rows: string, marks: string) =>
    `-- ${rows} rows drawn as ${marks} marks: identical rows are one mark, drawn with the opacity of all its copies`,
  // Load progress and cancel
  bytesOf: (loaded: string, total: string | null) => (total ? `${loaded} of ${total}` : loaded),
  rowsOf: (rows: string, total: string | null) => (total ? `${rows} of ${total} rows` : `${rows} rows`),
  preparing: 'preparing…',
  cancel: 'Cancel',
  cancelLoading: (name: string) => `Cancel loading ${name}`,
  cancelled: (name: string) => `Cancelled loading ${name}`,
  dropHere: 'Drop files to load them',
  // Load from URL
  loadFromUrl: 'Load from URL',
  dataUrl: 'Data URL',
  load: 'Load',
  urlHelp:
    'A Parquet, CSV, GeoJSON, TopoJSON or Arrow file. Its server must allow other sites to read it (CORS); relative URLs are read from this site.',
  badUrl: (raw: string) => `“${raw}” is not a valid URL`,
  corsFailed: (host: string, url: string) =>
    `Could not load ${url}: the server at ${host} did not allow this page to read the file (CORS), or could not be reached. ` +
    'Ask its publisher to allow cross-origin reads (Access-Control-Allow-Origin), or download the file and open it with “Open data file”.',
  unreachable: (url: string) => `Could not load ${url}: the server could not be reached.`,
  httpFailed: (url: string, status: string) =>
    /^404\b/.test(status)
      ? `Could not load ${url}: the server answered HTTP ${status}, so there is no file at that address.`
      : `Could not load ${url}: the server answered HTTP ${status}.`,
  // Dataset panel
  rename: 'Rename',
  renameTo: (name: string) => `New name for ${name}`,
  save: 'Save',
  zoomTo: 'Zoom to extent',
  details: 'Details',
  columns: (n: number) => `Columns (${n})`,
  source: 'Source',
  licence: 'Licence',
  file: 'File',
  geometry: 'Geometry',
  crs: 'CRS',
  extent: 'Extent',
  time: 'Time',
  memory: 'Memory',
  // Catalog
  catalog: (n: number) => `Catalog: ${n} more ${n === 1 ? 'dataset' : 'datasets'}`,
  loadEntry: (title: string) => `Load ${title}`,
};
export type Strings = typeof en;

// Which column plays which role: the name of a feature, its residents, its time, its
// position. The engine (aggregation, tooltips, ingest) and the UI (which options a layer
// offers) ask this one module, so they never disagree about a dataset.
import type { ColumnInfo, DatasetInfo } from './protocol';

/** Lower case, spaces and dashes as underscores: "Population 2020" → "population_2020". */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The words of a column name: "Total Population (2020)" → total, population, 2020. */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const visible = (columns: readonly ColumnInfo[]) => columns.filter((c) => !c.internal);

/** Names that name a feature, best first (English, French, Spanish, Danish, Swedish, city words). */
const NAME_NAMES = ['name', 'nom', 'nombre', 'navn', 'namn', 'district', 'neighbourhood', 'neighborhood', 'borough', 'ntaname', 'boro_name', 'id'];

/** The text column that names each feature: a common name column, else the first text column; null when there is no text column. */
export function nameColumn(columns: readonly ColumnInfo[]): string | null {
  const text = visible(columns).filter((c) => c.kind === 'string');
  for (const n of NAME_NAMES) {
    const hit = text.find((c) => normalise(c.name) === n);
    if (hit) return hit.name;
  }
  return text[0]?.name ?? null;
}

/** Words that say a column counts residents. */
const POPULATION_WORDS = new Set(['population', 'pop', 'residents', 'inhabitants', 'einwohner', 'poblacion', 'befolkning', 'indbyggere', 'invanare']);

/**
 * The numeric column holding residents per feature, for rates per 1,000 residents: a
 * numeric column with a population word in its name ("population", "Population 2020",
 * "pop_total"), an exact "population" first; null when there is none.
 */
export function populationColumn(columns: readonly ColumnInfo[]): string | null {
  const numeric = visible(columns).filter((c) => c.kind === 'number');
  const exact = numeric.find((c) => normalise(c.name) === 'population');
  if (exact) return exact.name;
  return numeric.find((c) => words(c.name).some((w) => POPULATION_WORDS.has(w)))?.name ?? null;
}

/** The time column layers and filters use by default: the dataset's first timestamp or date column. */
export function timeColumn(info: Pick<DatasetInfo, 'columns' | 'timeRange' | 'timeColumns'>): string | null {
  return (
    info.timeRange?.column ??
    info.timeColumns?.[0]?.column ??
    visible(info.columns).find((c) => c.kind === 'timestamp' || c.kind === 'date')?.name ??
    null
  );
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', 'lon_wgs84', 'longitude_wgs84'];
const LAT_NAMES = ['lat', 'latitude', 'y', 'lat_wgs84', 'latitude_wgs84'];

/** The longitude/latitude columns, by common names (case-insensitive, spaces allowed); x pairs only with y. */
export function coordinateColumns(columns: readonly ColumnInfo[]): { lon: string; lat: string } | null {
  const numeric = visible(columns).filter((c) => c.kind === 'number');
  const pick = (names: string[]) => {
    for (const n of names) {
      const hit = numeric.find((c) => normalise(c.name) === n);
      if (hit) return hit.name;
    }
    return null;
  };
  const lon = pick(LON_NAMES);
  const lat = pick(LAT_NAMES);
  if (lon && lat && (normalise(lon) === 'x') === (normalise(lat) === 'y')) return { lon, lat };
  return null;
}

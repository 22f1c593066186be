// Config version 1 → 2 as pure JSON → JSON, as SQLRooms migrates its layout config: the
// caller validates the result as version 2. Version 2 keeps every version-1 key (a `catalog`
// URL stays valid, so migrating fetches nothing); what changes is `load`, which in version 1
// could hold data URLs as well as catalog ids: each URL becomes a `datasets` entry.
import { tableNameFor } from '../engine/sql/core';
import { t } from '../i18n/t';
import { CONFIG_VERSION } from './dashboard';
import type { ConfigProblem } from './problems';

/** The config as version-2 JSON and the version it was, or why it cannot be read. */
export type Migrated = { ok: true; json: Record<string, unknown>; from: number } | { ok: false; problem: ConfigProblem };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A `load` item that names a file rather than a catalog id. */
const DATA_FILE = /\.(parquet|geoparquet|csv|tsv|txt|json|geojson|ndjson|geojsonl|topojson|arrow|arrows|feather)$/i;
const isFileRef = (item: string) => item.includes('/') || DATA_FILE.test(item.replace(/[?#].*$/, ''));

/**
 * The file's stem as a dataset id (`data/Bikes 2024-03.csv` → `bikes_2024_03`), unique among
 * `taken`: version 2 ids are table names (dataset-entry.ts), so the engine's own rule makes them.
 */
function idForFile(url: string, taken: Set<string>): string {
  const file = url.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? 'dataset';
  const id = tableNameFor(file, taken);
  taken.add(id);
  return id;
}

/** A version-1 config as version 2. */
export function migrateV1(v1: Record<string, unknown>): Record<string, unknown> {
  const { load, ...rest } = v1;
  const out: Record<string, unknown> = { ...rest, version: CONFIG_VERSION };
  if (!Array.isArray(load)) {
    if (load !== undefined) out.load = load;
    return out;
  }
  const taken = new Set(load.filter((x): x is string => typeof x === 'string' && !isFileRef(x)));
  const datasets: Record<string, unknown>[] = [];
  out.load = load.map((item) => {
    if (typeof item !== 'string' || !isFileRef(item)) return item;
    const id = idForFile(item, taken);
    datasets.push({ id, url: item });
    return id;
  });
  if (datasets.length) out.datasets = datasets;
  return out;
}

/** Any config this CityLens reads, as version-2 JSON. */
export function migrateConfig(json: unknown): Migrated {
  if (!isObject(json)) return { ok: false, problem: { path: '', message: t('config.notObject') } };
  const version = json.version;
  if (version === CONFIG_VERSION) return { ok: true, json, from: CONFIG_VERSION };
  if (version === 1) return { ok: true, json: migrateV1(json), from: 1 };
  if (version === undefined) return { ok: false, problem: { path: 'version', message: t('config.noVersion') } };
  return { ok: false, problem: { path: 'version', message: t('config.unknownVersion', { version: JSON.stringify(version) }) } };
}

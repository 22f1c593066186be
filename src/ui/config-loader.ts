// Reads the dashboard config and its catalog (small JSON files, not data) from the app's origin.
import { parseCatalog, parseConfig, type Catalog, type DashboardConfig } from '../config/schema';
import { t } from '../i18n';

export const CONFIG_FILE = 'citylens.config.json';

async function fetchJson(url: string, fileName: string): Promise<unknown | null> {
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(t('common.httpError', { file: fileName, status: String(res.status) }));
  try {
    return await res.json();
  } catch {
    throw new Error(t('config.invalidJson', { file: fileName }));
  }
}

export async function loadConfig(baseUrl: string): Promise<DashboardConfig> {
  const json = await fetchJson(new URL(CONFIG_FILE, baseUrl).href, CONFIG_FILE);
  return parseConfig(json ?? { version: 1 }, CONFIG_FILE);
}

/** The catalog and the URL its relative file paths resolve against; null when absent. */
export async function loadCatalog(
  baseUrl: string,
  config: DashboardConfig,
): Promise<{ catalog: Catalog; url: string } | null> {
  if (!config.catalog) return null;
  const url = new URL(config.catalog, baseUrl).href;
  const json = await fetchJson(url, config.catalog);
  return json === null ? null : { catalog: parseCatalog(json, config.catalog), url };
}

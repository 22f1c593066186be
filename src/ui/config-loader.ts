// Reads the dashboard config and its catalog (small JSON files, not data) from the app's
// origin: citylens.config.json beside index.html, or ?config=<path> on the same origin.
// It never fails: a config that cannot be read gives an empty dashboard and the reason, an
// invalid one its usable part and every problem, as alert lines naming the file.
import { CONFIG_FILE, emptyDashboard, type DashboardConfig } from '../config/dashboard';
import { parseCatalog, type Catalog } from '../config/schema';
import { isAbsoluteRef } from '../config/origins';
import { reportLines, validateConfigText } from '../config/validate';
import { t } from '../i18n';
import { fetchOnce } from './prefetch';

export { CONFIG_FILE };

/** Where the config is read from, or why a ?config= link was refused. */
export type ConfigSource = { ok: true; url: string; fileName: string } | { ok: false; message: string };

/** The config's address: ?config=<path> when given (same origin only), else the file beside index.html. */
export function configSource(search: string, baseUrl: string): ConfigSource {
  const raw = new URLSearchParams(search).get('config')?.trim();
  if (!raw) return { ok: true, url: new URL(CONFIG_FILE, baseUrl).href, fileName: CONFIG_FILE };
  // A relative path, or an absolute address on the page's own origin; nothing else.
  try {
    const url = new URL(raw, baseUrl);
    const sameOrigin = url.origin === new URL(baseUrl).origin && (url.protocol === 'http:' || url.protocol === 'https:');
    if (sameOrigin && (!isAbsoluteRef(raw) || raw.startsWith(url.origin))) return { ok: true, url: url.href, fileName: raw };
  } catch {
    // not a URL at all: refused below
  }
  return { ok: false, message: t('config.notSameOrigin', { config: raw }) };
}

/** The dashboard as loaded: a usable config, where it came from, what to tell the publisher. */
export interface LoadedDashboard {
  config: DashboardConfig;
  /** The config file's absolute URL: its relative dataset and catalog paths resolve against it. */
  configUrl: string;
  fileName: string;
  /** The catalog and the URL its file paths resolve against; null when there is none. */
  catalog: { catalog: Catalog; url: string } | null;
  /** Every problem and warning, one alert line each. */
  messages: string[];
  /**
   * The alert lines a loaded config dataset adds: role and value columns the config names
   * that its table lacks (only knowable once it is loaded), at their paths in the file.
   */
  columnProblems: (datasetId: string, columns: readonly string[]) => string[];
}

type Fetched = { ok: true; text: string } | { ok: false; status: number | null };

async function fetchText(url: string): Promise<Fetched> {
  // The entry chunk may have asked for the config already (prefetch.ts).
  const res = await fetchOnce(url).catch(() => null);
  if (!res) return { ok: false, status: null };
  if (!res.ok) return { ok: false, status: res.status };
  return { ok: true, text: await res.text() };
}

function unreadable(fileName: string, url: string, status: number | null): string {
  const why = status === null ? t('config.unreachable', { url }) : status === 404 ? t('config.notFound', { url }) : t('config.httpFailed', { url, status: String(status) });
  return `${fileName}: ${why}`;
}

/** The catalog a config names, or null when it has none or it is not there (no sample data). */
async function readCatalog(config: DashboardConfig, configUrl: string): Promise<{ catalog: Catalog; url: string } | null> {
  if (!config.catalog) return null;
  const url = new URL(config.catalog, configUrl).href;
  const got = await fetchText(url);
  if (!got.ok) {
    if (got.status === 404) return null;
    throw new Error(t('common.httpError', { file: config.catalog, status: got.status === null ? '—' : String(got.status) }));
  }
  let json: unknown;
  try {
    json = JSON.parse(got.text);
  } catch {
    throw new Error(t('config.invalidJson', { file: config.catalog }));
  }
  return { catalog: parseCatalog(json, config.catalog), url };
}

/** Reads and validates the dashboard's config and catalog; never rejects. */
export async function loadDashboard(baseUrl: string, search: string, pageOrigin: string): Promise<LoadedDashboard> {
  const source = configSource(search, baseUrl);
  const empty = (fileName: string, configUrl: string, message: string): LoadedDashboard => ({ config: emptyDashboard(), configUrl, fileName, catalog: null, messages: [message], columnProblems: () => [] });
  if (!source.ok) return empty(CONFIG_FILE, new URL(CONFIG_FILE, baseUrl).href, source.message);
  const { url, fileName } = source;
  const got = await fetchText(url);
  if (!got.ok) return empty(fileName, url, unreadable(fileName, url, got.status));

  let report = validateConfigText(got.text, { pageOrigin });
  const messages: string[] = [];
  let catalog: LoadedDashboard['catalog'] = null;
  try {
    catalog = await readCatalog(report.config, url);
  } catch (err) {
    messages.push((err as Error).message);
  }
  // With the catalog read, references to its datasets can be checked too.
  const catalogIds = catalog ? catalog.catalog.datasets.map((d) => d.id) : null;
  if (catalog) report = validateConfigText(got.text, { pageOrigin, catalogIds });
  const lines = reportLines(fileName, report);
  // The file checked again knowing one dataset's columns: what is new is about them.
  const columnProblems = (datasetId: string, columns: readonly string[]) => {
    const known = new Set(lines);
    const again = validateConfigText(got.text, { pageOrigin, catalogIds, columnsOf: (id) => (id === datasetId ? columns : undefined) });
    return reportLines(fileName, again).filter((line) => !known.has(line));
  };
  return { config: report.config, configUrl: url, fileName, catalog, messages: [...lines, ...messages], columnProblems };
}

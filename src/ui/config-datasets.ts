// The config's datasets as the app lists and loads them: each becomes a catalog entry (so
// the catalog list offers it and `load` opens it) with its file resolved against the
// config's URL, and its roles, format and time zone as load options.
import type { Credit, DatasetEntry } from '../config/dataset-entry';
import type { DashboardConfig } from '../config/dashboard';
import { localText, type LocalizedText } from '../config/localized-text';
import type { CatalogEntry } from '../config/catalog';
import type { LoadOptions } from '../engine/protocol';

/** A credit's words: the text itself, or its name. */
function creditText(credit: Credit | undefined, language: string, languages: readonly string[]): string | undefined {
  if (credit === undefined || typeof credit === 'string') return credit;
  return localText(credit.name, language, languages);
}

/** The config's text in the reader's language. */
export function configText(config: Pick<DashboardConfig, 'languages'>, text: LocalizedText | undefined, language: string): string | undefined {
  return localText(text, language, config.languages);
}

/** A config dataset as a catalog entry, its file an absolute URL. */
export function datasetAsEntry(d: DatasetEntry, configUrl: string, language: string, languages: readonly string[]): CatalogEntry {
  return {
    id: d.id,
    file: new URL(d.url, configUrl).href,
    title: localText(d.name, language, languages),
    source: creditText(d.source, language, languages),
    licence: creditText(d.licence, language, languages),
  };
}

/** The engine's load options for a config dataset: its id as the table's, format, time zone, coordinate columns. */
export function datasetLoadOptions(d: DatasetEntry): LoadOptions {
  return {
    // The config's layers name this id: the table must have it, never a name derived from the title.
    id: d.id,
    ...(d.format ? { format: d.format } : {}),
    ...(d.timeZone ? { timeZone: d.timeZone } : {}),
    ...(d.roles?.lon && d.roles.lat ? { lon: d.roles.lon, lat: d.roles.lat } : {}),
  };
}

/** The config's datasets first, then the catalog's whose ids the config does not use. */
export function mergeEntries(fromConfig: readonly CatalogEntry[], fromCatalog: readonly CatalogEntry[]): CatalogEntry[] {
  const ids = new Set(fromConfig.map((e) => e.id));
  return [...fromConfig, ...fromCatalog.filter((e) => !ids.has(e.id))];
}

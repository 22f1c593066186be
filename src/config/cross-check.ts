// The second pass over a config: what zod cannot see one value at a time. Ids must be
// unique; layers, stories and `load` must name datasets, layers and basemaps that exist;
// addresses must be on the page's origin or in connectOrigins; story links must be https.
// It reads the raw (migrated) JSON, tolerating wrong types, so it runs even where zod
// found type errors, and its paths are the file's own indices.
import { t } from '../i18n/t';
import { formatPath, type JsonPath } from './json-path';
import { httpOrigin, isAbsoluteRef, originAllowed } from './origins';
import type { ConfigProblem } from './problems';
import { parseStoryText } from './story-text';

/** What the second pass knows beyond the file. */
export interface CrossCheckOptions {
  /** The page's origin (`https://city.example`): absolute addresses there need no connectOrigins entry. */
  pageOrigin?: string;
  /** Ids of the catalog's datasets; null or absent when the config names a catalog not read yet (then dataset references are not checked). */
  catalogIds?: readonly string[] | null;
  /** A loaded dataset's columns by config dataset id, where known: role and value columns are checked against them. */
  columnsOf?: (datasetId: string) => readonly string[] | undefined;
}

/** Problems, warnings, and the layers (by index in the file) that cannot be drawn. */
export interface CrossCheck {
  problems: ConfigProblem[];
  warnings: ConfigProblem[];
  dropLayers: Set<number>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objects = (v: unknown): [Json, number][] => items(v).flatMap((x, i): [Json, number][] => (isObject(x) ? [[x, i]] : []));
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Runs every cross-reference check over the migrated JSON of a config. */
export function crossCheck(json: Json, options: CrossCheckOptions = {}): CrossCheck {
  const problems: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  const dropLayers = new Set<number>();
  const at = (path: JsonPath, message: string) => problems.push({ path: formatPath(path), message });

  const datasets = objects(json.datasets);
  const layers = objects(json.layers);
  const stories = objects(json.stories);
  const basemaps = objects(isObject(json.basemap) ? json.basemap.basemaps : undefined);

  const uniqueIds = (entries: [Json, number][], base: JsonPath, what: string) => {
    const seen = new Set<string>();
    for (const [e, i] of entries) {
      const id = str(e.id);
      if (id === undefined) continue;
      if (seen.has(id)) at([...base, i, 'id'], t('config.duplicateId', { id, what }));
      seen.add(id);
    }
    return seen;
  };
  const datasetIds = uniqueIds(datasets, ['datasets'], 'dataset');
  const layerIds = uniqueIds(layers, ['layers'], 'layer');
  uniqueIds(stories, ['stories'], 'story');
  const basemapIds = uniqueIds(basemaps, ['basemap', 'basemaps'], 'basemap');

  // Dataset references: the config's datasets and the catalog's. Unknowable until the catalog is read.
  const catalogIds = options.catalogIds ?? null;
  const checkDatasets = !str(json.catalog) || catalogIds !== null;
  const knownDataset = (id: string) => datasetIds.has(id) || (catalogIds?.includes(id) ?? false);
  if (checkDatasets) {
    for (const [layer, i] of layers) {
      for (const key of ['dataset', ...(layer.kind === 'districts' ? ['districts'] : [])]) {
        const id = str(layer[key]);
        if (id !== undefined && !knownDataset(id)) {
          at(['layers', i, key], t('config.noDataset', { id }));
          dropLayers.add(i);
        }
      }
    }
    items(json.load).forEach((id, i) => {
      if (typeof id === 'string' && !knownDataset(id)) at(['load', i], t('config.noDataset', { id }));
    });
  }

  const def = isObject(json.basemap) ? str(json.basemap.default) : undefined;
  if (def !== undefined && def !== 'none' && !basemapIds.has(def)) at(['basemap', 'default'], t('config.noBasemap', { id: def }));

  // Addresses the page fetches: its own origin or connectOrigins.
  const connectOrigins = items(json.connectOrigins).filter((o): o is string => typeof o === 'string');
  const checkAddress = (path: JsonPath, ref: unknown) => {
    if (typeof ref !== 'string' || !isAbsoluteRef(ref)) return;
    const origin = httpOrigin(ref);
    if (origin === null) at(path, t('config.urlScheme', { url: ref }));
    else if (!originAllowed(origin, connectOrigins, options.pageOrigin)) at(path, t('config.originNotAllowed', { origin }));
  };
  for (const [d, i] of datasets) checkAddress(['datasets', i, 'url'], d.url);
  checkAddress(['catalog'], json.catalog);
  if (isObject(json.logo)) {
    const logo = str(json.logo.url);
    if (logo !== undefined && isAbsoluteRef(logo) && !(httpOrigin(logo) !== null && httpOrigin(logo) === options.pageOrigin)) {
      at(['logo', 'url'], t('config.logoOrigin'));
    }
  }

  checkDatasetColumns(datasets, options.columnsOf, at);
  checkStories(stories, layerIds, at);
  checkTexts(json, warnings);
  const extent = json.extent;
  if (Array.isArray(extent) && extent.length === 4 && extent.every((x) => typeof x === 'number') && !(extent[0] < extent[2] && extent[1] < extent[3])) {
    at(['extent'], t('config.extentOrder'));
  }
  return { problems, warnings, dropLayers };
}

/** Value columns listed twice; role and value columns a loaded dataset lacks. */
function checkDatasetColumns(datasets: [Json, number][], columnsOf: CrossCheckOptions['columnsOf'], at: (p: JsonPath, m: string) => void) {
  for (const [d, i] of datasets) {
    const id = str(d.id);
    const columns = id !== undefined ? columnsOf?.(id) : undefined;
    const has = (c: string) => !columns || columns.includes(c);
    const seen = new Set<string>();
    for (const [v, j] of objects(d.values)) {
      const c = str(v.column);
      if (c === undefined) continue;
      if (seen.has(c)) at(['datasets', i, 'values', j, 'column'], t('config.duplicateColumn', { column: c }));
      else if (!has(c)) at(['datasets', i, 'values', j, 'column'], t('config.noColumn', { column: c, dataset: id ?? '' }));
      seen.add(c);
    }
    if (isObject(d.roles)) {
      for (const [role, c] of Object.entries(d.roles)) {
        if (typeof c === 'string' && !has(c)) at(['datasets', i, 'roles', role], t('config.noColumn', { column: c, dataset: id ?? '' }));
      }
    }
  }
}

/** Step ids unique in a story, map states naming layers that exist, time windows in order, https links. */
function checkStories(stories: [Json, number][], layerIds: Set<string>, at: (p: JsonPath, m: string) => void) {
  const mapState = (state: unknown, path: JsonPath) => {
    if (!isObject(state)) return;
    items(state.layers).forEach((id, k) => {
      if (typeof id === 'string' && !layerIds.has(id)) at([...path, 'layers', k], t('config.noLayer', { id }));
    });
    if (isObject(state.time)) {
      const from = Date.parse(String(state.time.from));
      const to = Date.parse(String(state.time.to));
      if (Number.isFinite(from) && Number.isFinite(to) && !(from < to)) at([...path, 'time'], t('config.timeOrder'));
    }
  };
  for (const [story, s] of stories) {
    const steps = objects(story.steps);
    const seen = new Set<string>();
    for (const [step, k] of steps) {
      const base: JsonPath = ['stories', s, 'steps', k];
      const id = str(step.id);
      if (id !== undefined && seen.has(id)) at([...base, 'id'], t('config.duplicateId', { id, what: 'step' }));
      if (id !== undefined) seen.add(id);
      mapState(step.map, [...base, 'map']);
      if (isObject(step.beforeAfter)) {
        mapState(step.beforeAfter.before, [...base, 'beforeAfter', 'before']);
        mapState(step.beforeAfter.after, [...base, 'beforeAfter', 'after']);
      }
      const texts: [JsonPath, unknown][] = isObject(step.text) ? Object.entries(step.text).map(([lang, v]) => [[...base, 'text', lang], v]) : [[[...base, 'text'], step.text]];
      for (const [path, text] of texts) {
        if (typeof text !== 'string') continue;
        for (const p of parseStoryText(text).problems) at(path, t('config.storyLink', { href: p.href }));
      }
    }
  }
}

/** Warnings for texts given in a language the config does not list. */
function checkTexts(json: Json, warnings: ConfigProblem[]) {
  const declared = items(json.languages).filter((l): l is string => typeof l === 'string');
  const languages = declared.length ? declared : ['en'];
  const text = (v: unknown, path: JsonPath) => {
    if (!isObject(v)) return;
    for (const lang of Object.keys(v)) {
      if (!languages.includes(lang)) warnings.push({ path: formatPath([...path, lang]), message: t('config.languageMissing', { lang, languages: languages.join(', ') }) });
    }
  };
  text(json.title, ['title']);
  text(json.description, ['description']);
  if (isObject(json.logo)) text(json.logo.alt, ['logo', 'alt']);
  for (const [d, i] of objects(json.datasets)) {
    for (const key of ['name', 'description']) text(d[key], ['datasets', i, key]);
    for (const key of ['source', 'licence']) if (isObject(d[key])) text((d[key] as Json).name, ['datasets', i, key, 'name']);
    for (const [a, j] of objects(d.attribution)) text(a.text, ['datasets', i, 'attribution', j, 'text']);
    for (const [v, j] of objects(d.values)) for (const key of ['label', 'unit', 'description']) text(v[key], ['datasets', i, 'values', j, key]);
  }
  for (const [story, s] of objects(json.stories)) {
    for (const key of ['title', 'description']) text(story[key], ['stories', s, key]);
    for (const [step, k] of objects(story.steps)) {
      for (const key of ['title', 'text']) text(step[key], ['stories', s, 'steps', k, key]);
      if (isObject(step.beforeAfter)) {
        for (const side of ['before', 'after']) {
          const state = step.beforeAfter[side];
          if (isObject(state)) text(state.label, ['stories', s, 'steps', k, 'beforeAfter', side, 'label']);
        }
      }
    }
  }
}

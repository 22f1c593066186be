// The dashboard config a city edits (public/citylens.config.json, copied to dist/), version 2:
// what the dashboard is called and in which languages, its datasets, basemaps and view, its
// layers and stories, and which other origins it may read from. One zod schema; the JSON
// Schema editors use is generated from it (json-schema.ts), version 1 migrates to it
// (migrate.ts), and validate.ts checks what zod cannot (ids, references, origins).
import { z } from 'zod';
import { DEFAULT_MIN_COUNT } from '../engine/aggregate/privacy';
import { t } from '../i18n/t';
import { BasemapConfig } from './basemap';
import { DatasetEntry } from './dataset-entry';
import { LayerSpec } from './layer';
import { LanguageTag, LocalizedText } from './localized-text';
import { Story } from './story';
import { TimeStates } from './time-state';
import { Extent, View } from './view';

/** The version this schema describes. Later issues add optional fields, never a version 3. */
export const CONFIG_VERSION = 2;

/** The file name beside index.html. */
export const CONFIG_FILE = 'citylens.config.json';

/** Where the map opens when a config does not say. */
export const DEFAULT_VIEW: View = { center: [0, 20], zoom: 1.5 };

/** An origin (scheme and host, no path): https://data.example.org. */
const Origin = z
  .url({ protocol: /^https?$/, error: () => t('config.origin') })
  .refine((u) => {
    // zod runs this check after a failed url check too: only a URL can be an origin.
    if (!URL.canParse(u)) return true;
    const url = new URL(u);
    return url.pathname === '/' && !url.search && !url.hash && !url.username;
  }, { error: () => t('config.origin') });

/** The logo in the dashboard's header. */
export const Logo = z
  .object({
    url: z.string().min(1).describe('The image, beside the config (the page\'s Content-Security-Policy allows images from its own site only).'),
    alt: LocalizedText.describe('What the logo says, for screen readers.'),
    link: z.url({ protocol: /^https?$/ }).optional().describe('Where clicking it leads, such as the city\'s site.'),
  })
  .describe('A logo: image, text alternative, link.');
export type Logo = z.infer<typeof Logo>;

/** A dashboard config, version 2. */
export const DashboardConfig = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors: "citylens.config.schema.json".'),
    version: z.literal(CONFIG_VERSION),
    title: LocalizedText.default('CityLens').describe('The dashboard\'s name, shown as text.'),
    description: LocalizedText.optional().describe('What the dashboard is for, in a sentence or two.'),
    logo: Logo.optional(),
    languages: z.array(LanguageTag).min(1).default(['en']).describe('The languages its texts are written in; the first is shown when the reader\'s is missing.'),
    mode: z.enum(['analyst', 'public']).optional().describe('"analyst": every panel; "public": the citizen view, reading only.'),
    view: View.default(DEFAULT_VIEW).describe('The map view when the page opens.'),
    extent: Extent.optional(),
    minCount: z.number().int().min(0).default(DEFAULT_MIN_COUNT).describe('Privacy threshold k: areas with fewer contributing rows are suppressed; 0 turns it off.'),
    datasets: z.array(DatasetEntry).default([]).describe('The datasets the dashboard names.'),
    catalog: z.string().optional().describe('A catalog file (URL relative to the config) whose datasets the dashboard offers to load.'),
    load: z.array(z.string().min(1)).default([]).describe('Ids of datasets (or catalog entries) loaded when the dashboard opens.'),
    basemap: BasemapConfig.default({ basemaps: [] }),
    layers: z.array(LayerSpec).default([]).describe('The layers, top first.'),
    stories: z.array(Story).default([]).describe('Stories: ordered steps over the map.'),
    time: TimeStates.optional().describe('Per dataset id: the time window, rhythm filters, display zone and playback the dashboard opens with.'),
    connectOrigins: z
      .array(Origin)
      .default([])
      .describe('Origins other than the page\'s own that it may read from (data files). The build writes them into the Content-Security-Policy.'),
  })
  .describe('A CityLens dashboard config, version 2.');
export type DashboardConfig = z.infer<typeof DashboardConfig>;

/** An empty dashboard: what a config that cannot be read falls back to. */
export function emptyDashboard(): DashboardConfig {
  return DashboardConfig.parse({ version: CONFIG_VERSION });
}

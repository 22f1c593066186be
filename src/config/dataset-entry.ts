// A dataset a dashboard names: where its file is, what it is called, where it comes from
// and under which licence, and which of its columns play which role. The engine's column
// roles (src/engine/column-roles.ts) guess these when a config does not say.
import { z } from 'zod';
import type { DataFormat } from '../engine/protocol';
import { t } from '../i18n/t';
import { LocalizedText } from './localized-text';

const FORMATS = ['parquet', 'csv', 'geojson', 'topojson', 'arrow'] as const satisfies readonly DataFormat[];

/** An http(s) address a person can follow (attribution and licence links). */
export const WebUrl = z.url({ protocol: /^https?$/, error: () => t('config.webUrl') });

const column = (what: string) => z.string().min(1).describe(what);

/** Who made or publishes the data, optionally with a link: a text, or { name, url }. */
export const Credit = z
  .union([z.string().min(1), z.object({ name: LocalizedText, url: WebUrl.optional() })], {
    error: () => t('config.credit'),
  })
  .describe('A name, or { "name": …, "url": "https://…" }.');
export type Credit = z.infer<typeof Credit>;

/** A column shown as a value, with the label and unit a legend gives it. */
export const ValueColumn = z
  .object({
    column: column('The column, as named in the file.'),
    label: LocalizedText.describe('What the value is called in legends and tables.'),
    unit: LocalizedText.optional().describe('Its unit: "bikes", "µg/m³", "%".'),
    description: LocalizedText.optional(),
  })
  .describe('A value column with its label and unit.');
export type ValueColumn = z.infer<typeof ValueColumn>;

/** Which columns name a feature, count its residents, hold its time or its coordinates. */
export const ColumnRoles = z
  .object({
    name: column('The text column that names each feature or station.').optional(),
    population: column('The column of residents per feature, for rates per 1,000 residents.').optional(),
    time: column('The time column that time windows and filters use.').optional(),
    lon: column('The longitude column (WGS84), when the file has no geometry.').optional(),
    lat: column('The latitude column (WGS84), when the file has no geometry.').optional(),
  })
  .describe('Column roles: what the engine would otherwise guess from the column names.');
export type ColumnRoles = z.infer<typeof ColumnRoles>;

/**
 * A dataset id: the engine's table name too (console SQL reads it, layers name it), so
 * lower-case letters, digits and _, not starting with a digit (the engine's TABLE_ID).
 */
export const DATASET_ID = /^[a-z_][a-z0-9_]*$/;
export const DATASET_ID_MAX = 60;
export const DatasetId = z
  .string()
  .regex(DATASET_ID, { error: () => t('config.datasetId') })
  .max(DATASET_ID_MAX, { error: () => t('config.datasetIdLength', { max: String(DATASET_ID_MAX) }) });

/** A dataset of the dashboard. */
export const DatasetEntry = z
  .object({
    id: DatasetId.describe('Stable id that layers, stories and "load" name, and the table\'s name in SQL: lower-case letters, digits and _, not starting with a digit.'),
    url: z.string().min(1).describe('The data file: a path relative to the config, or an absolute URL (its origin then belongs in connectOrigins).'),
    format: z.enum(FORMATS).optional().describe('The file format, when neither its first bytes nor its extension say.'),
    name: LocalizedText.optional().describe('What the dashboard calls it.'),
    description: LocalizedText.optional(),
    source: Credit.optional().describe('Who publishes the data.'),
    licence: Credit.optional().describe('Its licence, such as "CC BY 4.0" or { "name": "ODbL", "url": "https://opendatacommons.org/licenses/odbl/" }.'),
    attribution: z
      .array(z.object({ text: LocalizedText, url: WebUrl.optional() }))
      .optional()
      .describe('Credits shown with the data, each optionally a link.'),
    timeZone: z.string().min(1).optional().describe('IANA time zone of local (naive) timestamps, such as "America/New_York".'),
    values: z.array(ValueColumn).optional().describe('Value columns with labels and units.'),
    roles: ColumnRoles.optional(),
  })
  .describe('A dataset: its file, names, source, licence and column roles.');
export type DatasetEntry = z.infer<typeof DatasetEntry>;

// The basemaps a dashboard offers (the picker lists them) and which one opens.
import { z } from 'zod';
import { t } from '../i18n/t';

/** A basemap the picker offers: a PMTiles archive drawn by one of our styles, or a style URL. */
export const BasemapEntry = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1).describe('Its name in the basemap picker.'),
    kind: z.enum(['pmtiles', 'style']).describe('"pmtiles": an archive drawn by CityLens\'s style for its schema; "style": a MapLibre style URL.'),
    url: z.string().min(1).describe('Relative to the page, or absolute (the build adds its origin to the Content-Security-Policy).'),
    schema: z.enum(['protomaps-v2023', 'openmaptiles']).optional().describe('Which vector-tile schema a PMTiles archive uses: picks the style that draws it.'),
    attribution: z.string().optional().describe('Shown in the map\'s attribution; replaces what the tiles or style say.'),
  })
  .refine((b) => b.kind !== 'pmtiles' || b.schema, { error: () => t('config.pmtilesSchema'), path: ['schema'] })
  .describe('A basemap: a PMTiles archive or a style URL.');
export type BasemapEntry = z.infer<typeof BasemapEntry>;

/** The basemaps offered, and the id of the one shown on open. */
export const BasemapConfig = z
  .object({
    basemaps: z.array(BasemapEntry).default([]),
    default: z.string().optional().describe('Id of the basemap shown on open; "none" or none given: the Natural Earth backdrop alone.'),
  })
  .describe('The basemaps offered and the one shown on open.');
export type BasemapConfig = z.infer<typeof BasemapConfig>;

// The dashboard config a city edits (public/citylens.config.json, copied to dist/).
// Versioned and validated with zod so a typo gets a clear message, not a blank map.
import { z } from 'zod';
import { DEFAULT_MIN_COUNT } from '../engine/aggregate/privacy';

export const CatalogEntry = z.object({
  id: z.string().min(1),
  file: z.string().min(1).describe('URL of the data file, relative to the catalog or absolute'),
  title: z.string().optional(),
  city: z.string().optional(),
  rows: z.number().int().nonnegative().optional(),
  source: z.string().optional(),
  licence: z.string().optional(),
  bytes: z.number().optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const Catalog = z
  .object({
    version: z.literal(1),
    datasets: z.array(CatalogEntry),
  })
  // The config names datasets to open by id, so an id must name one file.
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.datasets.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', message: `id "${d.id}" is used by more than one dataset`, path: ['datasets', i, 'id'] });
      seen.add(d.id);
    });
  });
export type Catalog = z.infer<typeof Catalog>;

/** A basemap the picker offers: a PMTiles archive drawn by one of our styles, or a style URL. */
export const BasemapEntry = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    kind: z.enum(['pmtiles', 'style']),
    /** Relative to the page, or absolute (then its origin belongs in connectOrigins). */
    url: z.string().min(1),
    /** Which vector-tile schema a PMTiles archive uses: picks the style that draws it. */
    schema: z.enum(['protomaps-v2023', 'openmaptiles']).optional(),
    /** Shown in the map's attribution; replaces what the tiles or style say. */
    attribution: z.string().optional(),
  })
  .refine((b) => b.kind !== 'pmtiles' || b.schema, { message: 'a "pmtiles" basemap needs a "schema"', path: ['schema'] });
export type BasemapEntry = z.infer<typeof BasemapEntry>;

export const BasemapConfig = z
  .object({
    basemaps: z.array(BasemapEntry).default([]),
    /** Id of the basemap shown on open; without one, the Natural Earth backdrop alone. */
    default: z.string().optional(),
  })
  .refine((b) => !b.default || b.default === 'none' || b.basemaps.some((m) => m.id === b.default), {
    message: 'names no basemap in "basemaps"',
    path: ['default'],
  });
export type BasemapConfig = z.infer<typeof BasemapConfig>;

export const DashboardConfig = z.object({
  version: z.literal(1),
  title: z.string().default('CityLens'),
  view: z
    .object({
      center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
      zoom: z.number().min(0).max(22),
    })
    .default({ center: [0, 20], zoom: 1.5 }),
  /** A catalog of datasets (URL relative to the config), e.g. the dev-time sample catalog. */
  catalog: z.string().optional(),
  /** Catalog ids (or data URLs) to load when the dashboard opens. */
  load: z.array(z.string()).default([]),
  /** Privacy: areas with fewer contributing rows than this are suppressed. 0 turns it off. */
  minCount: z.number().int().min(0).default(DEFAULT_MIN_COUNT),
  /**
   * Origins other than the page's own that the app may contact (data URLs, online
   * basemap styles). `npm run build` writes them into the Content-Security-Policy.
   */
  connectOrigins: z.array(z.string().url()).default([]),
  basemap: BasemapConfig.default({ basemaps: [] }),
});
export type DashboardConfig = z.infer<typeof DashboardConfig>;

/** Parse JSON with a schema, naming the file and the first problem when it is invalid. */
function parseNamed<T>(schema: z.ZodType<T>, json: unknown, fileName: string): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${fileName}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}

export const parseConfig = (json: unknown, fileName: string): DashboardConfig => parseNamed(DashboardConfig, json, fileName);
export const parseCatalog = (json: unknown, fileName: string): Catalog => parseNamed(Catalog, json, fileName);

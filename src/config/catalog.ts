// A catalog file: a list of data files a dashboard offers to load (the dev-time sample
// catalog, scripts/sample-catalog.mjs, writes one). Its own format, version 1.
import { z } from 'zod';
import { t } from '../i18n/t';

/** One file of a catalog. */
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

/** A catalog: version 1, its files. */
export const Catalog = z
  .object({
    version: z.literal(1),
    datasets: z.array(CatalogEntry),
  })
  // The config names datasets to open by id, so an id must name one file.
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.datasets.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', message: t('config.duplicateId', { id: d.id, what: 'dataset' }), path: ['datasets', i, 'id'] });
      seen.add(d.id);
    });
  });
export type Catalog = z.infer<typeof Catalog>;

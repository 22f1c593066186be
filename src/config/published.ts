// The files `npm run cli -- publish` writes for the citizen view (issue 14's light path): one
// JSON file per layer, with its cells or districts as GeoJSON, the colour index of each, the
// legend's scale, the method and the SQL, and a manifest with a hash of each layer's spec,
// so the view can tell a published layer from a stale one. JSON, because the citizen view
// reads it without DuckDB-WASM or parquet-wasm. Versioned like every other schema here.
import { z } from 'zod';
import { LayerSpec } from './layer';
import { TimeWindow } from './view';

export const PUBLISHED_VERSION = 1;
/** Where `publish` writes, relative to its --out folder (and the citizen view reads, beside the config). */
export const PUBLISHED_DIR = 'published';
export const MANIFEST_FILE = 'manifest.json';
/** The colour index of a feature that has no value, and of one suppressed for privacy. */
export const NO_VALUE = -1;
export const SUPPRESSED = -2;

const Rgba = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** A colour scale's parts (src/scales/colour.ts ScaleParts). */
export const PublishedScale = z.object({
  options: z.object({
    scheme: z.string(),
    classification: z.enum(['quantile', 'jenks', 'equal', 'linear']),
    classes: z.number(),
    domain: z.tuple([z.number(), z.number()]).optional(),
    centre: z.number().optional(),
  }),
  domain: z.tuple([z.number(), z.number()]),
  breaks: z.array(z.number()),
  colours: z.array(Rgba),
  categories: z.array(z.string()).optional(),
  otherCategory: z.boolean().optional(),
});

const Ring = z.array(z.tuple([z.number(), z.number()]));
const Geometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
]);

/** One cell or district: its id and name, its value, and its colour index (or NO_VALUE, SUPPRESSED). */
export const PublishedFeature = z.object({
  type: z.literal('Feature'),
  geometry: Geometry,
  properties: z.object({ id: z.string(), name: z.string().nullable(), value: z.number().nullable(), c: z.number().int() }),
});
export type PublishedFeature = z.infer<typeof PublishedFeature>;

/**
 * A before/after comparison's summary as codes and numbers (never words): the test, how many
 * districts or cells were tested and changed more than chance would give, and the one with
 * the largest significant relative change. The citizen view words it from its catalogue.
 */
export const CompareSummary = z.object({
  test: z.string(),
  tested: z.number().int(),
  significant: z.number().int(),
  fdr: z.boolean(),
  largest: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      direction: z.enum(['up', 'down']),
      before: z.number(),
      after: z.number(),
      /** In percent (3 = 3 %). */
      percentChange: z.number(),
      level: z.union([z.literal(99), z.literal(95), z.literal(90)]),
      p: z.number(),
    })
    .nullable(),
});
export type CompareSummary = z.infer<typeof CompareSummary>;

/** A published layer. */
export const PublishedLayer = z.object({
  version: z.literal(PUBLISHED_VERSION),
  layer: z.string(),
  /** The hash of the spec it was computed from (stableHash of { spec, minCount }, plus the windows for a side). */
  hash: z.string(),
  spec: LayerSpec,
  minCount: z.number(),
  scale: PublishedScale,
  analysis: z.enum(['hotspots', 'compare']).nullable(),
  suppressedCells: z.number(),
  rows: z.number(),
  method: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).nullable(),
  sql: z.string(),
  /** A before/after side's layer: the window it was computed over (additive to version 1). */
  time: TimeWindow.optional(),
  /** A compare layer's summary (additive to version 1). */
  summary: CompareSummary.optional(),
  features: z.object({ type: z.literal('FeatureCollection'), features: z.array(PublishedFeature) }),
});
export type PublishedLayer = z.infer<typeof PublishedLayer>;

/** The data file a layer was computed from, as publish saw it. */
const DataFile = z.object({ url: z.string(), bytes: z.number(), lastModified: z.string().nullable() });

/** What publish wrote: per layer, its file, its hash and the data files it read. */
export const PublishManifest = z.object({
  version: z.literal(PUBLISHED_VERSION),
  createdAt: z.string(),
  /**
   * Keyed by layer id; a before/after side's layer by `<layer id>@<windows hash>`
   * (src/config/side-window.ts), its hash then covering the windows too.
   */
  layers: z.record(z.string(), z.object({ file: z.string(), hash: z.string(), bytes: z.number(), data: z.array(DataFile) })),
});
export type PublishManifest = z.infer<typeof PublishManifest>;

// What a layer is, as data: one zod schema per layer kind, joined on `kind`. The layer
// panel edits these, the dashboard turns each into an engine request and then into deck.gl
// layers, and a dashboard config or a link stores them as plain JSON. Schema and type share
// a name (SQLRooms' DataSource.ts); defaults, ranges and descriptions come from the one
// table in layer-settings.ts.
//
// Vocabulary. Aggregate kinds count points into cells or districts: grid, hexagon, h3 and
// districts (a polygon dataset's areas). Every other kind draws a dataset as it is: points,
// heatmap, choropleth (a polygon dataset coloured by its own column), outlines, lines.
import { z } from 'zod';
import type { AggregateStat } from '../engine/protocol';
import type { Classification } from '../scales/classify';
import type { SchemeName } from '../scales/colour';
import { formatPath, type JsonPath } from './json-path';
import { LAYER_SETTINGS as S, type Measure } from './layer-settings';
import { LayerAnalysis, RowCondition } from './analysis';
import { LayerRhythm } from './layer-rhythm';

/**
 * Version of this schema. 1: the round-1 spec objects (kinds 'hexagons', 'choropleth' also
 * for points in districts, every setting on every kind, module-counter ids); 2: this schema.
 * `migrateLayerV1` (migrate-layer.ts) turns the one into the other.
 */
export const LAYER_VERSION = 2;

// The value lists, checked against the types the engine and the scales use.
const STATS = ['count', 'sum', 'mean', 'median', 'min', 'max', 'p90', 'distinct', 'share'] as const satisfies readonly AggregateStat[];
const MEASURES = ['value', 'perKm2', 'per1000'] as const satisfies readonly Measure[];
const CLASSIFICATIONS = ['quantile', 'jenks', 'equal', 'linear'] as const satisfies readonly Classification[];
const SCHEMES = ['viridis', 'cividis', 'magma', 'ylorrd', 'blues', 'rdbu', 'puor'] as const satisfies readonly SchemeName[];
/** Fails to compile when a list above misses a member of its type. */
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const covered: [
  Covers<AggregateStat, (typeof STATS)[number]>,
  Covers<Measure, (typeof MEASURES)[number]>,
  Covers<Classification, (typeof CLASSIFICATIONS)[number]>,
  Covers<SchemeName, (typeof SCHEMES)[number]>,
] = [true, true, true, true];
void covered;

const unit = (s: { value: number; min: number; max: number; description: string }) =>
  z.number().min(s.min).max(s.max).default(s.value).describe(s.description);
const whole = (s: { value: number; min: number; max: number; description: string }) =>
  z.number().int().min(s.min).max(s.max).default(s.value).describe(s.description);
const name = (s: { description: string }) => z.string().min(1).describe(s.description);
const optionalName = (s: { description: string }) => z.string().min(1).optional().describe(s.description);

/** Every kind's settings: id, dataset and how it is shown. */
const common = {
  id: name(S.id),
  dataset: name(S.dataset),
  title: z.string().describe(S.title.description),
  visible: z.boolean().default(S.visible.value).describe(S.visible.description),
  opacity: unit(S.opacity),
};

/** Settings of kinds coloured through a classified scale. */
const classed = {
  classification: z.enum(CLASSIFICATIONS).default(S.classification.value).describe(S.classification.description),
  scheme: z.enum(SCHEMES).default(S.scheme.value).describe(S.scheme.description),
  classes: whole(S.classes),
  domain: z.tuple([z.number(), z.number()]).optional().describe(S.domain.description),
};

/** Settings of kinds that compute a statistic per cell or district. */
const aggregate = {
  stat: z.enum(STATS).default(S.stat.value).describe(S.stat.description),
  value: optionalName(S.value),
  share: RowCondition.optional().describe(S.share.description),
  analysis: LayerAnalysis.optional().describe(S.analysis.description),
  rhythm: LayerRhythm.optional().describe(S.rhythm.description),
  measure: z.enum(MEASURES).default(S.measure.value).describe(S.measure.description),
  ...classed,
};

/** Each row as a mark, optionally coloured and sized by columns. */
export const PointsLayerSpec = z
  .object({ kind: z.literal('points'), ...common, opacity: unit(S.pointsOpacity), colorBy: optionalName(S.colorBy), sizeBy: optionalName(S.sizeBy), ...classed })
  .describe('Points: each row as a mark, optionally coloured and sized by columns.');
export type PointsLayerSpec = z.infer<typeof PointsLayerSpec>;

/** Point density as a heatmap. */
export const HeatmapLayerSpec = z.object({ kind: z.literal('heatmap'), ...common }).describe('Heatmap: the density of the points.');
export type HeatmapLayerSpec = z.infer<typeof HeatmapLayerSpec>;

/** Points counted into square cells. */
export const GridLayerSpec = z
  .object({ kind: z.literal('grid'), ...common, sizeM: unit(S.sizeM), ...aggregate, extruded: z.boolean().default(S.extruded.value).describe(S.extruded.description) })
  .describe('Square grid: a statistic of the points per square cell.');
export type GridLayerSpec = z.infer<typeof GridLayerSpec>;

/** Points counted into pointy-top hexagons. */
export const HexagonLayerSpec = z
  .object({ kind: z.literal('hexagon'), ...common, sizeM: unit(S.sizeM), ...aggregate, extruded: z.boolean().default(S.extruded.value).describe(S.extruded.description) })
  .describe('Hexagons: a statistic of the points per hexagon.');
export type HexagonLayerSpec = z.infer<typeof HexagonLayerSpec>;

/** Points counted into H3 cells. */
export const H3LayerSpec = z
  .object({ kind: z.literal('h3'), ...common, resolution: whole(S.resolution), ...aggregate })
  .describe('H3 cells: a statistic of the points per H3 cell.');
export type H3LayerSpec = z.infer<typeof H3LayerSpec>;

/** Points counted into the polygons of another dataset. */
export const DistrictsLayerSpec = z
  .object({ kind: z.literal('districts'), ...common, districts: name(S.districts), ...aggregate })
  .describe('Districts: a statistic of the points per polygon of another dataset.');
export type DistrictsLayerSpec = z.infer<typeof DistrictsLayerSpec>;

/** A polygon dataset coloured by one of its own numeric columns. */
export const ChoroplethLayerSpec = z
  .object({ kind: z.literal('choropleth'), ...common, column: name(S.column), ...classed })
  .describe('Choropleth: polygons coloured by one of their own numeric columns.');
export type ChoroplethLayerSpec = z.infer<typeof ChoroplethLayerSpec>;

/** A polygon dataset's outlines. */
export const OutlinesLayerSpec = z.object({ kind: z.literal('outlines'), ...common }).describe('Outlines: the polygons’ edges.');
export type OutlinesLayerSpec = z.infer<typeof OutlinesLayerSpec>;

/** A line dataset's lines. */
export const LinesLayerSpec = z.object({ kind: z.literal('lines'), ...common }).describe('Lines: the dataset’s lines.');
export type LinesLayerSpec = z.infer<typeof LinesLayerSpec>;

/** Each kind's schema, by kind. */
export const LAYER_SCHEMAS = {
  points: PointsLayerSpec,
  heatmap: HeatmapLayerSpec,
  grid: GridLayerSpec,
  hexagon: HexagonLayerSpec,
  h3: H3LayerSpec,
  districts: DistrictsLayerSpec,
  choropleth: ChoroplethLayerSpec,
  outlines: OutlinesLayerSpec,
  lines: LinesLayerSpec,
};

/** Every layer kind, in the order the layer panel offers them. */
export const LAYER_KINDS = ['points', 'hexagon', 'grid', 'h3', 'districts', 'heatmap', 'choropleth', 'outlines', 'lines'] as const;

function kindError(input: unknown): string {
  const kind = typeof input === 'object' && input !== null && 'kind' in input ? input.kind : undefined;
  const expected = `expected one of ${LAYER_KINDS.join(', ')}`;
  return kind === undefined ? `a layer needs a "kind": ${expected}` : `unknown layer kind ${JSON.stringify(kind)}: ${expected}`;
}

/** A layer of any kind. */
export const LayerSpec = z.discriminatedUnion(
  'kind',
  [PointsLayerSpec, HeatmapLayerSpec, GridLayerSpec, HexagonLayerSpec, H3LayerSpec, DistrictsLayerSpec, ChoroplethLayerSpec, OutlinesLayerSpec, LinesLayerSpec],
  { error: (issue) => (issue.code === 'invalid_union' ? kindError(issue.input) : undefined) },
);
export type LayerSpec = z.infer<typeof LayerSpec>;

/** A layer kind: `points`, `hexagon`, `districts`, … */
export type LayerKind = LayerSpec['kind'];
/** The layer of one kind. */
export type LayerOfKind<K extends LayerKind> = Extract<LayerSpec, { kind: K }>;

/** Kinds that compute a statistic per cell or district. */
export const AGGREGATE_KINDS = ['grid', 'hexagon', 'h3', 'districts'] as const;
/** A layer of grid, hexagon, H3 or district statistics. */
export type AggregateLayerSpec = LayerOfKind<(typeof AGGREGATE_KINDS)[number]>;
/** A layer coloured through a classified scale (aggregates, choropleths and points). */
export type ClassedLayerSpec = AggregateLayerSpec | PointsLayerSpec | ChoroplethLayerSpec;

/** Whether the layer computes a statistic per cell or district. */
export function isAggregateLayer(spec: LayerSpec): spec is AggregateLayerSpec {
  return AGGREGATE_KINDS.some((k) => k === spec.kind);
}

/** Whether the layer is drawn as grid or hexagon columns (cell size, 3D). */
export function isCellLayer(spec: LayerSpec): spec is GridLayerSpec | HexagonLayerSpec {
  return spec.kind === 'grid' || spec.kind === 'hexagon';
}

/** Whether the layer has classification, scheme, classes and domain settings. */
export function isClassedLayer(spec: LayerSpec): spec is ClassedLayerSpec {
  return isAggregateLayer(spec) || spec.kind === 'points' || spec.kind === 'choropleth';
}

/** `kind-dataset`, or with `-2`, `-3`, … the first that no layer in `taken` has. */
export function deriveLayerId(kind: LayerKind, dataset: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  const base = `${kind}-${dataset}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** What `createLayer` takes: the kind's settings (defaults from the table), an optional id. */
export type LayerOptions<K extends LayerKind> = Omit<z.input<(typeof LAYER_SCHEMAS)[K]>, 'kind' | 'dataset' | 'id'> & {
  id?: string;
  /** Ids already in use: a derived id avoids them. */
  taken?: Iterable<string>;
};

/** A new layer of `kind` over `dataset`, every setting not given filled from the defaults table. Throws on an invalid setting. */
export function createLayer<K extends LayerKind>(kind: K, dataset: string, options: LayerOptions<K>): LayerOfKind<K> {
  const { id, taken, ...settings } = options;
  const layer = LayerSpec.parse({ ...settings, kind, dataset, id: id ?? deriveLayerId(kind, dataset, taken) });
  // The parse checked `kind`: the layer is of kind K.
  return layer as LayerOfKind<K>;
}

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** Settings a panel may change: any kind's, but never what the layer is (id, kind, dataset). */
export type LayerPatch = { [K in Exclude<KeysOfUnion<LayerSpec>, 'id' | 'kind' | 'dataset'>]?: ValueAt<LayerSpec, K> };

/**
 * The layer with `patch` applied: settings its kind lacks are dropped, and a patch the schema
 * refuses (out of range, wrong type) leaves the layer as it was, the same object.
 */
export function updateLayer<T extends LayerSpec>(spec: T, patch: LayerPatch): T {
  const result = LayerSpec.safeParse({ ...spec, ...patch, id: spec.id, kind: spec.kind, dataset: spec.dataset });
  // Same id, kind and dataset: the parsed layer is of T's kind.
  return result.success ? (result.data as T) : spec;
}

/** One problem with a layer, at a JSON path (`layers[2].sizeM`). */
export interface LayerProblem {
  path: string;
  message: string;
}

/** A valid layer with warnings (unknown keys, ignored), or every problem found. */
export type ParsedLayer =
  | { ok: true; layer: LayerSpec; warnings: LayerProblem[] }
  | { ok: false; problems: LayerProblem[]; warnings: LayerProblem[] };

/** Validates one layer, reporting every problem and every unknown key with its path under `at`. */
export function parseLayer(json: unknown, at: JsonPath = []): ParsedLayer {
  const warnings: LayerProblem[] = [];
  const kind = typeof json === 'object' && json !== null && 'kind' in json ? json.kind : undefined;
  const schema = LAYER_KINDS.find((k) => k === kind);
  if (schema && typeof json === 'object' && json !== null) {
    const known = LAYER_SCHEMAS[schema].shape;
    for (const key of Object.keys(json)) {
      if (!(key in known)) warnings.push({ path: formatPath([...at, key]), message: `unknown setting for a "${schema}" layer, ignored` });
    }
  }
  const result = LayerSpec.safeParse(json);
  if (result.success) return { ok: true, layer: result.data, warnings };
  const problems = result.error.issues.map((issue) => ({ path: formatPath([...at, ...issue.path]), message: issue.message }));
  return { ok: false, problems, warnings };
}

// What an aggregate layer may analyse, as data (issue 11): a share's condition, the
// hotspot (Gi*) parameters and the before/after comparison, each a zod schema that a
// layer, a dashboard config or a link stores as plain JSON. The engine's request types
// (src/engine/protocol/analysis.ts) are what these turn into.
import { z } from 'zod';
import type { AggregateFilter, NeighbourRule, RateBase } from '../engine/protocol';

const column = z.string().min(1);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A row condition on one column, structured (the `--where` grammar parses into it); never SQL. */
export const RowCondition = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('range'),
    column,
    min: z.number().optional(),
    max: z.number().optional(),
    minExclusive: z.boolean().optional(),
    maxExclusive: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('in'), column, values: z.array(scalar).min(1), not: z.boolean().optional() }),
]);
export type RowCondition = z.infer<typeof RowCondition>;

/** Who neighbours whom (see NeighbourRule in the engine protocol). */
export const NeighbourRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ring'), k: z.number().int().min(1).max(10) }),
  z.object({ kind: z.literal('knn'), k: z.number().int().min(1).max(100) }),
  z.object({ kind: z.literal('band'), metres: z.number().positive().max(1_000_000) }),
  z.object({ kind: z.enum(['queen', 'rook']) }),
]);

const RATES = ['none', 'km2', 'residents'] as const satisfies readonly RateBase[];

/** Getis-Ord Gi* hotspots of the layer's statistic. */
export const HotspotAnalysis = z
  .object({
    kind: z.literal('hotspots'),
    neighbours: NeighbourRuleSchema.optional().describe('Default: ring:1 for cells, queen for districts.'),
    rate: z.enum(RATES).default('none').describe('Divide the statistic by the area (km²) or by 1,000 residents first.'),
    fdr: z.boolean().default(true).describe('Benjamini–Hochberg correction for testing every area at once.'),
    includeEmpty: z.boolean().default(false).describe('Count empty cells inside the points’ hull as zeros (count and sum only).'),
    permutations: z.number().int().min(0).max(9999).default(0).describe('Conditional permutations for a pseudo p-value; 0 = none.'),
    seed: z.number().int().default(12345),
  })
  .describe('Hotspots: where values cluster higher or lower than chance would give.');
export type HotspotAnalysis = z.infer<typeof HotspotAnalysis>;

const instant = z.union([z.string().min(1), z.number()]);
const Period = z.object({ from: instant, to: instant });

/** Before/after comparison of two windows of a time column. */
export const CompareAnalysis = z
  .object({
    kind: z.literal('compare'),
    time: column.describe('The time column the windows are on.'),
    before: Period,
    after: Period,
    unit: z.object({ column, bin: z.enum(['hour', 'day', 'week', 'month']).optional() }).optional().describe('Reduce rows to one value per unit (e.g. station and day) before testing.'),
    fdr: z.boolean().default(true),
  })
  .describe('Compare periods: the change from one window to another, tested per area.');
export type CompareAnalysis = z.infer<typeof CompareAnalysis>;

/** An aggregate layer's analysis: hotspots or a comparison. */
export const LayerAnalysis = z.discriminatedUnion('kind', [HotspotAnalysis, CompareAnalysis]);
export type LayerAnalysis = z.infer<typeof LayerAnalysis>;

/** The schema's rule as the engine's (the same shape; checked here). */
export function neighbourRule(rule: z.infer<typeof NeighbourRuleSchema> | undefined): NeighbourRule | undefined {
  return rule;
}

/** The schema's condition as the engine's filter. */
export function conditionFilter(c: RowCondition | undefined): AggregateFilter | undefined {
  return c;
}

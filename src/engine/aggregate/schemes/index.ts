// The cell schemes by kind: the one place that lists them. Everything else asks this
// registry instead of branching on the kind.
import type { AggregateBy } from '../../protocol';
import type { CellKind, CellScheme } from '../cell-scheme';
import { gridScheme } from './grid';
import { hexagonScheme } from './hexagon';
import { h3Scheme } from './h3';
import { districtsScheme } from './districts';
import { EngineError } from '../../engine-error';

/** Every cell scheme, keyed by its kind. */
export const CELL_SCHEMES: { readonly [K in CellKind]: CellScheme<K> } = {
  grid: gridScheme,
  hexagon: hexagonScheme,
  h3: h3Scheme,
  districts: districtsScheme,
};

/** The scheme of a request's or result's `by`; throws for an unknown kind. */
export function schemeOf(by: AggregateBy): CellScheme {
  const scheme: CellScheme | undefined = Object.hasOwn(CELL_SCHEMES, by.kind) ? CELL_SCHEMES[by.kind] : undefined;
  if (!scheme) throw new EngineError('unknown-aggregation', { kind: String((by as { kind: string }).kind) });
  return scheme;
}

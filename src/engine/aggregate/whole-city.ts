// The whole city as one cell (issue 12's drill-down): every usable position of the point
// dataset in cell 0, so the aggregator's reduction gives the city's statistic exactly as
// it gives a cell's, with the same filters, time window, bins and suppression.
import type { CellTable, BoundScheme } from './cell-scheme';
import { message } from '../messages';

/** The assignment key of the whole city (never a scheme's key: those start with their kind). */
export const WHOLE_CITY_KEY = '\u0000whole-city';

/** A bound scheme of one cell holding every position; listed even without rows. */
export function wholeCityScheme(): BoundScheme {
  const cells: CellTable = {
    count: 1,
    ids: Int32Array.of(0),
    h3: null,
    centers: null,
    areasKm2: Float64Array.of(NaN),
    listsEmpty: true,
  };
  return {
    key: WHOLE_CITY_KEY,
    polygons: null,
    projection: null,
    names: null,
    population: null,
    assign: (lon) => ({ cell: new Int32Array(lon.length), cells }),
    method: (facts) => message('method-whole-city', { positions: facts.positions, kernel: facts.kernel }),
  };
}

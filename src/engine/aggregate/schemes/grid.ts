// Square grid cells of a side in metres in the dataset's local projection.
import type { CellScheme } from '../cell-scheme';
import { gridCells, gridCellAreaKm2, gridCellRing, gridCenter } from '../grid';
import { gridRing } from '../neighbours';
import { message } from '../../messages';
import {
  assignColumnsRows,
  checkCellSize,
  columnRowFields,
  columnsRows,
  datasetProjection,
  projectedParams,
  projectionField,
  projectionOfResult,
} from './projected';

/** The square grid scheme. */
export const gridScheme: CellScheme<'grid'> = {
  kind: 'grid',
  bind(by, points) {
    checkCellSize(by.sizeM);
    const p = datasetProjection(points);
    return {
      key: `grid:${by.sizeM}`,
      polygons: null,
      projection: projectionField(p),
      names: null,
      population: null,
      assign: (lon, lat) =>
        assignColumnsRows(
          lon,
          lat,
          (x, y, cols, rows) => gridCells(p, by.sizeM, x, y, cols, rows),
          (col, row) => gridCenter(p, by.sizeM, col, row),
          gridCellAreaKm2(by.sizeM),
        ),
      method: (facts) => message('method-grid', projectedParams(by.sizeM, p, facts)),
    };
  },
  idFields: columnRowFields,
  outline(r, i) {
    if (r.by.kind !== 'grid') throw new Error('internal: not a grid result');
    return { type: 'Polygon', coordinates: [gridCellRing(projectionOfResult(r), r.by.sizeM, r.ids[2 * i], r.ids[2 * i + 1])] };
  },
  neighbours(r, rule) {
    if (rule.kind !== 'ring') throw new Error(`grid cells have ring neighbours, not ${rule.kind}`);
    const { cols, rows } = columnsRows(r);
    return gridRing(cols, rows, rule.k);
  },
};

// Pointy-top hexagons of a radius in metres in the dataset's local projection.
import type { CellScheme } from '../cell-scheme';
import { hexCells, hexCellAreaKm2, hexCellRing, hexCenter } from '../hexagon';
import { hexRing } from '../neighbours';
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

/** The hexagon scheme. */
export const hexagonScheme: CellScheme<'hexagon'> = {
  kind: 'hexagon',
  bind(by, points) {
    checkCellSize(by.sizeM);
    const p = datasetProjection(points);
    return {
      key: `hexagon:${by.sizeM}`,
      polygons: null,
      projection: projectionField(p),
      names: null,
      population: null,
      assign: (lon, lat) =>
        assignColumnsRows(
          lon,
          lat,
          (x, y, cols, rows) => hexCells(p, by.sizeM, x, y, cols, rows),
          (col, row) => hexCenter(p, by.sizeM, col, row),
          hexCellAreaKm2(by.sizeM),
        ),
      method: (facts) => message('method-hexagon', projectedParams(by.sizeM, p, facts)),
    };
  },
  idFields: columnRowFields,
  outline(r, i) {
    if (r.by.kind !== 'hexagon') throw new Error('internal: not a hexagon result');
    return { type: 'Polygon', coordinates: [hexCellRing(projectionOfResult(r), r.by.sizeM, r.ids[2 * i], r.ids[2 * i + 1])] };
  },
  neighbours(r, rule) {
    if (rule.kind !== 'ring') throw new Error(`hexagons have ring neighbours, not ${rule.kind}`);
    const { cols, rows } = columnsRows(r);
    return hexRing(cols, rows, rule.k);
  },
};

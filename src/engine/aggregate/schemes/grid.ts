// Square grid cells of a side in metres in the dataset's local projection.
import { gridCells, gridCellAreaKm2, gridCellRing, gridCenter } from '../grid';
import { gridRing } from '../neighbours';
import { createProjectedScheme } from './projected';

/** The square grid scheme: squares of `sizeM` metres, 8 ring neighbours at k = 1. */
export const gridScheme = createProjectedScheme('grid', {
  cells: gridCells,
  center: gridCenter,
  ring: gridCellRing,
  areaKm2: gridCellAreaKm2,
  neighbours: gridRing,
});

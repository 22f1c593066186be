// Pointy-top hexagons of a radius in metres in the dataset's local projection.
import { hexCells, hexCellAreaKm2, hexCellRing, hexCenter } from '../hexagon';
import { hexRing } from '../neighbours';
import { createProjectedScheme } from './projected';

/** The hexagon scheme: pointy-top hexagons of `sizeM` metres radius (centre to corner), 6 ring neighbours at k = 1. */
export const hexagonScheme = createProjectedScheme('hexagon', {
  cells: hexCells,
  center: hexCenter,
  ring: hexCellRing,
  areaKm2: hexCellAreaKm2,
  neighbours: hexRing,
});

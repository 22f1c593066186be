// The cube of partial aggregates over cell × hour bin (issue 12).
export { buildCube, cubeWindow, cubeBytes, type Cube, type CubeRows, type CubeWindow } from './cube';
export { emptyMoments, addValue, mergeInto, varianceOf, type Moments } from './moments';

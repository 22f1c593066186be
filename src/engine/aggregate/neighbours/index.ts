// Neighbour rules of the cell-scheme contract (issue 11's "Neighbours"): rings for grid,
// hexagon and H3 cells, queen and rook contiguity for districts, knn and band over
// centres for every scheme, all as CSR lists.
export type { NeighbourList } from './neighbour-list';
export { gridRing } from './grid-ring';
export { hexRing } from './hex-ring';
export { h3Ring } from './h3-ring';
export { polygonContiguity } from './polygon-contiguity';
export type { ContiguityOptions } from './polygon-contiguity';
export { knnNeighbours, bandNeighbours, greatCircleM, EARTH_RADIUS_M } from './distance';

// Types every part of the engine contract shares: kept apart so that the parts import
// them from here and never from each other's index.

/** An extent in WGS84 degrees: [minLon, minLat, maxLon, maxLat]. */
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

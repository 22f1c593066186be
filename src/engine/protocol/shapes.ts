// Geometry as flat typed arrays, the layouts that cross the worker boundary to deck.gl:
// part of the engine contract (protocol/index.ts).

/**
 * Polygon features as flat typed arrays, the layout deck.gl's binary SolidPolygonLayer
 * and PathLayer take and the point-in-polygon index reads. A feature is one or more
 * polygons (MultiPolygon); a polygon is an outer ring followed by its holes.
 * Feature i is row i of the dataset's table (column "__fid" = i).
 */
export interface PolygonShapes {
  featureCount: number;
  /** Interleaved lon,lat in WGS84 of every ring vertex, rings closed. */
  coords: Float64Array;
  /** Vertex index where each ring starts; length = rings + 1. */
  ringOffsets: Uint32Array;
  /** Ring index where each polygon starts; length = polygons + 1. */
  polygonRingOffsets: Uint32Array;
  /** Polygon index where each feature starts; length = featureCount + 1. */
  featurePolygonOffsets: Uint32Array;
}

/**
 * Line features as flat typed arrays, the layout deck.gl's binary PathLayer takes.
 * A feature is one or more paths (MultiLineString). Feature i is row i ("__fid" = i).
 */
export interface LineShapes {
  featureCount: number;
  /** Interleaved lon,lat in WGS84 of every path vertex. */
  coords: Float64Array;
  /** Vertex index where each path starts; length = paths + 1. */
  pathOffsets: Uint32Array;
  /** Path index where each feature starts; length = featureCount + 1. */
  featurePathOffsets: Uint32Array;
}

/**
 * A polygon dataset ready for deck.gl's SolidPolygonLayer/PathLayer as binary data
 * (see src/engine/mesh.ts): the triangulation is done in the worker.
 */
export interface PolygonMesh {
  featureCount: number;
  coords: Float64Array;
  /** Vertex index where each polygon (outer ring + holes) starts; length polygons + 1. */
  polygonStarts: Uint32Array;
  /** 0 at the last vertex of each ring, 1 elsewhere. */
  vertexValid: Uint16Array;
  /** earcut triangle vertex indexes into coords. */
  triangles: Uint32Array;
  polygonFeature: Uint32Array;
  vertexFeature: Uint32Array;
  /** Vertex index where each ring starts; length rings + 1 (for outlines). */
  ringStarts: Uint32Array;
}

// Points straight from the worker's typed array to the GPU as a binary attribute:
// lon/lat offsets from an origin (LNGLAT_OFFSETS) keep float32 precise to centimetres.
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointPositions } from '../engine/protocol';

export const POINT_COLOR: [number, number, number, number] = [230, 85, 13, 200];

export function pointLayer(id: string, positions: PointPositions, props: { opacity?: number; visible?: boolean } = {}) {
  return new ScatterplotLayer({
    id,
    data: {
      length: positions.count,
      attributes: { getPosition: { value: positions.offsets, size: 2 } },
    },
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: [positions.origin[0], positions.origin[1], 0],
    radiusUnits: 'pixels',
    getRadius: 2.5,
    radiusMinPixels: 1.5,
    getFillColor: POINT_COLOR,
    stroked: false,
    pickable: false,
    ...props,
  });
}

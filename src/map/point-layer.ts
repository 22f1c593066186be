// Points straight from the worker's typed array to the GPU as a binary attribute:
// lon/lat offsets from an origin (LNGLAT_OFFSETS) keep float32 precise to centimetres.
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointPositions, PointStyle } from '../engine/protocol';

export const POINT_COLOR: [number, number, number, number] = [230, 85, 13, 200];

export function pointLayer(
  id: string,
  positions: PointPositions,
  props: { opacity?: number; visible?: boolean } = {},
  style: PointStyle | null = null,
) {
  return new ScatterplotLayer({
    id,
    data: {
      length: positions.count,
      attributes: {
        getPosition: { value: positions.offsets, size: 2 },
        // Per-point colours and radii from the worker, when the layer is styled by columns.
        ...(style?.colours ? { getFillColor: { value: style.colours, size: 4, normalized: true } } : {}),
        ...(style?.radii ? { getRadius: { value: style.radii, size: 1 } } : {}),
      },
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

// Point marks straight from the worker's typed arrays to the GPU as binary attributes:
// lon/lat offsets from an origin (LNGLAT_OFFSETS) keep float32 precise to centimetres.
// Each mark stands for `counts[i]` identical rows and is drawn with their stacked opacity.
import { COORDINATE_SYSTEM, type Color } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointMarks } from '../engine/protocol';
import { StackedOpacityExtension } from './stacked-opacity';

/** Colour of points not styled by a column. */
export const POINT_COLOR: Color = [230, 85, 13, 200];

const stacked = new StackedOpacityExtension();

/** A ScatterplotLayer of the marks, each drawn with the stacked opacity of the rows it stands for. */
export function pointLayer(id: string, marks: PointMarks, props: { opacity?: number; visible?: boolean } = {}) {
  return new ScatterplotLayer<null>({
    id,
    data: {
      length: marks.marks,
      attributes: {
        getPosition: { value: marks.offsets, size: 2 },
        getStackCount: { value: marks.counts, size: 1 },
        // Per-mark colours (bytes read as 0–1: 'unorm8') and radii from the worker, when styled by columns.
        ...(marks.colours ? { getFillColor: { value: marks.colours, size: 4, type: 'unorm8' } } : {}),
        ...(marks.radii ? { getRadius: { value: marks.radii, size: 1 } } : {}),
      },
    },
    extensions: [stacked],
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: [marks.origin[0], marks.origin[1], 0],
    radiusUnits: 'pixels',
    getRadius: 2.5,
    radiusMinPixels: 1.5,
    getFillColor: POINT_COLOR,
    stroked: false,
    pickable: false,
    ...props,
  });
}

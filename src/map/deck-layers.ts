// LayerSpec + the worker's typed arrays → deck.gl layers, all as binary attributes.
import { COORDINATE_SYSTEM, type Color, type Layer, type LayerData as DeckLayerData } from '@deck.gl/core';
import { ColumnLayer, PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { AggregateResult, PolygonMesh } from '../engine/protocol';
import { measureValues, type LayerData } from './layer-values';
import { colourArray, type ColourScale } from '../scales/colour';
import { isCellLayer, type GridLayerSpec, type HexagonLayerSpec, type LayerSpec } from '../config/layer';
import { pointLayer } from './point-layer';

export type { LayerData } from './layer-values';
export { measureValues };

const OUTLINE: Color = [60, 70, 90, 200];
const LINE_COLOUR: Color = [31, 95, 153, 230];

/**
 * Binary rows of varying length (paths, polygons). deck.gl reads `startIndices` from binary
 * data, but its LayerData type leaves the field out: declared here, checked everywhere else.
 */
type StartIndexedData = DeckLayerData<null> & { startIndices: Uint32Array };

/** The largest finite value, at least 1e-9. A loop: spreading 125,000+ values into Math.max overflows the stack. */
export function maxFinite(values: ArrayLike<number>): number {
  let max = 1e-9;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > max && Number.isFinite(v)) max = v;
  }
  return max;
}

/** Column heights 0–1: each value over the largest; 0 where there is none. */
export function elevations(values: ArrayLike<number>): Float32Array {
  const max = maxFinite(values);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isFinite(values[i]) ? values[i] / max : 0;
  return out;
}

function expandToVertices(mesh: PolygonMesh, featureColours: Uint8Array): Uint8Array {
  const out = new Uint8Array(mesh.vertexFeature.length * 4);
  for (let v = 0; v < mesh.vertexFeature.length; v++) {
    const f = mesh.vertexFeature[v] * 4;
    out[v * 4] = featureColours[f];
    out[v * 4 + 1] = featureColours[f + 1];
    out[v * 4 + 2] = featureColours[f + 2];
    out[v * 4 + 3] = featureColours[f + 3];
  }
  return out;
}

function areaLayers(spec: LayerSpec, mesh: PolygonMesh, colours: Uint8Array | null): Layer[] {
  const common = { opacity: spec.opacity, visible: spec.visible };
  const layers: Layer[] = [];
  if (colours) {
    const data: StartIndexedData = {
      length: mesh.polygonStarts.length - 1,
      startIndices: mesh.polygonStarts,
      attributes: {
        getPolygon: { value: mesh.coords, size: 2 },
        indices: mesh.triangles,
        instanceVertexValid: { value: mesh.vertexValid, size: 1 },
        getFillColor: { value: expandToVertices(mesh, colours), size: 4, type: 'unorm8' },
      },
    };
    layers.push(
      new SolidPolygonLayer<null>({
        ...common,
        id: `${spec.id}:fill`,
        data,
        // The worker's earcut triangles are final: deck.gl must not re-normalise the rings.
        _normalize: false,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 191, 71, 160],
      }),
    );
  }
  layers.push(pathLayer(`${spec.id}:outline`, mesh.coords, mesh.ringStarts, OUTLINE, colours ? 0.6 : 1.2, common));
  return layers;
}

/** Open paths (rings or lines) from flat coordinates and start indexes, as binary data. */
function pathLayer(
  id: string,
  coords: Float64Array,
  starts: Uint32Array,
  colour: Color,
  widthPx: number,
  common: { opacity: number; visible: boolean },
): Layer {
  const data: StartIndexedData = { length: starts.length - 1, startIndices: starts, attributes: { getPath: { value: coords, size: 2 } } };
  return new PathLayer<null>({
    ...common,
    id,
    data,
    // Rings arrive closed (first vertex repeated), lines open: draw both exactly as given.
    _pathType: 'open',
    getColor: colour,
    widthUnits: 'pixels',
    getWidth: widthPx,
    pickable: false,
  });
}

/** Grid squares or hexagons as flat or extruded columns at the cell centres. */
function cellLayer(spec: GridLayerSpec | HexagonLayerSpec, r: AggregateResult, values: Float64Array, scale: ColourScale): Layer[] {
  if (!r.centers) return [];
  const hex = spec.kind === 'hexagon';
  return [
    new ColumnLayer<null>({
      id: spec.id,
      data: {
        length: r.length,
        attributes: {
          getPosition: { value: r.centers, size: 2 },
          getFillColor: { value: colourArray(scale, values, r.suppressed), size: 4, type: 'unorm8' },
          getElevation: { value: elevations(values), size: 1 },
        },
      },
      diskResolution: hex ? 6 : 4,
      // Engine hexagons are pointy-top (a corner at north); grid cells are axis-aligned squares.
      angle: hex ? 90 : 45,
      radius: hex ? spec.sizeM : spec.sizeM * Math.SQRT1_2,
      coverage: 1,
      extruded: spec.extruded,
      elevationScale: spec.extruded ? 3000 : 0,
      opacity: spec.opacity,
      visible: spec.visible,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 191, 71, 200],
      material: false,
    }),
  ];
}

/** The deck.gl layers that draw one layer's data, coloured with `scale` (the legend's). */
export function deckLayers(spec: LayerSpec, data: LayerData, scale: ColourScale | null): Layer[] {
  if (data.kind === 'lines') {
    const { coords, pathOffsets } = data.shapes;
    return [pathLayer(spec.id, coords, pathOffsets, LINE_COLOUR, 2, { opacity: spec.opacity, visible: spec.visible })];
  }
  if (data.kind === 'points') {
    if (spec.kind === 'heatmap') {
      const p = data.marks;
      return [
        new HeatmapLayer<null>({
          id: spec.id,
          // A mark weighs as many rows as it stands for, so merging rows changes nothing.
          data: { length: p.marks, attributes: { getPosition: { value: p.offsets, size: 2 }, getWeight: { value: p.counts, size: 1 } } },
          coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
          coordinateOrigin: [p.origin[0], p.origin[1], 0],
          radiusPixels: 25,
          opacity: spec.opacity,
          visible: spec.visible,
        }),
      ];
    }
    return [pointLayer(spec.id, data.marks, { opacity: spec.opacity, visible: spec.visible })];
  }
  const values = measureValues(spec, data);
  if (data.kind === 'cells') return isCellLayer(spec) && values && scale ? cellLayer(spec, data.result, values, scale) : [];
  const colours = values && scale ? colourArray(scale, values, data.result?.suppressed) : null;
  return areaLayers(spec, data.mesh, colours);
}

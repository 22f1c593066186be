// LayerSpec + the worker's typed arrays → deck.gl layers, all as binary attributes.
import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import { ColumnLayer, PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { AggregateResult, LineShapes, PointMarks, PolygonMesh } from '../engine/protocol';
import { colourArray, type ColourScale } from '../scales/colour';
import type { LayerSpec } from './layer-spec';
import { pointLayer } from './point-layer';

/** What the worker returned for a layer. */
export type LayerData =
  | { kind: 'points'; marks: PointMarks }
  | { kind: 'cells'; result: AggregateResult }
  | { kind: 'lines'; shapes: LineShapes }
  | { kind: 'areas'; mesh: PolygonMesh; result: AggregateResult | null; values: Float64Array | null; names: (string | null)[] | null };

/** The values a layer colours by, one per cell or feature (NaN = suppressed / no data). */
export function measureValues(spec: LayerSpec, data: LayerData): Float64Array | null {
  if (data.kind === 'points' || data.kind === 'lines') return null;
  const result = data.result;
  if (!result) return data.kind === 'areas' ? data.values : null;
  if (spec.measure === 'perKm2') return result.perKm2;
  if (spec.measure === 'per1000' && result.per1000) return result.per1000;
  return result.values;
}

const OUTLINE: [number, number, number, number] = [60, 70, 90, 200];
const LINE_COLOUR: [number, number, number, number] = [31, 95, 153, 230];

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
    layers.push(
      new SolidPolygonLayer({
        ...common,
        id: `${spec.id}:fill`,
        data: {
          length: mesh.polygonStarts.length - 1,
          startIndices: mesh.polygonStarts,
          attributes: {
            getPolygon: { value: mesh.coords, size: 2 },
            indices: mesh.triangles,
            instanceVertexValid: { value: mesh.vertexValid, size: 1 },
            getFillColor: { value: expandToVertices(mesh, colours), size: 4, normalized: true },
          },
        },
        _normalize: false,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 191, 71, 160],
      } as never),
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
  colour: [number, number, number, number],
  widthPx: number,
  common: { opacity: number; visible: boolean },
): Layer {
  return new PathLayer({
    ...common,
    id,
    data: { length: starts.length - 1, startIndices: starts, attributes: { getPath: { value: coords, size: 2 } } },
    _pathType: 'open',
    getColor: colour,
    widthUnits: 'pixels',
    getWidth: widthPx,
    pickable: false,
  } as never);
}

export function deckLayers(spec: LayerSpec, data: LayerData, scale: ColourScale | null): Layer[] {
  if (data.kind === 'lines') {
    const { coords, pathOffsets } = data.shapes;
    return [pathLayer(spec.id, coords, pathOffsets, LINE_COLOUR, 2, { opacity: spec.opacity, visible: spec.visible })];
  }
  if (data.kind === 'points') {
    if (spec.kind === 'heatmap') {
      const p = data.marks;
      return [
        new HeatmapLayer({
          id: spec.id,
          // A mark weighs as many rows as it stands for, so merging rows changes nothing.
          data: { length: p.marks, attributes: { getPosition: { value: p.offsets, size: 2 }, getWeight: { value: p.counts, size: 1 } } },
          coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
          coordinateOrigin: [p.origin[0], p.origin[1], 0],
          radiusPixels: 25,
          opacity: spec.opacity,
          visible: spec.visible,
        } as never),
      ];
    }
    return [pointLayer(spec.id, data.marks, { opacity: spec.opacity, visible: spec.visible })];
  }
  const values = measureValues(spec, data);
  if (data.kind === 'cells') {
    const r = data.result;
    const colours = colourArray(scale!, values!, r.suppressed);
    const hex = spec.kind === 'hexagons';
    const maxValue = Math.max(1e-9, ...Array.from(values!).filter(Number.isFinite));
    const elevations = Float32Array.from(values!, (v) => (Number.isFinite(v) ? v / maxValue : 0));
    return [
      new ColumnLayer({
        id: spec.id,
        data: {
          length: r.length,
          attributes: {
            getPosition: { value: r.centers!, size: 2 },
            getFillColor: { value: colours, size: 4, normalized: true },
            getElevation: { value: elevations, size: 1 },
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
      } as never),
    ];
  }
  const colours = values ? colourArray(scale!, values, data.result?.suppressed) : null;
  return areaLayers(spec, data.mesh, colours);
}

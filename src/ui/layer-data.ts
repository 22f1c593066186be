// Asks the engine for the typed arrays a LayerSpec needs. Only the fields that change
// the data are in the request key: colour, opacity and 3D changes never refetch.
import type { AggregateRequest } from '../engine/protocol';
import type { LayerData } from '../map/deck-layers';
import type { LayerSpec } from '../map/layer-spec';
import type { EngineClient } from './engine-client';

export function dataKey(spec: LayerSpec, minCount: number): string {
  const { kind, dataset, sizeM, resolution, districts, column, stat, value, colorBy, sizeBy } = spec;
  // Point colours are computed in the worker, so their scale settings are data too.
  const pointScale = kind === 'points' && colorBy ? [spec.scheme, spec.classification, spec.classes, spec.domain] : null;
  return JSON.stringify({ kind, dataset, sizeM, resolution, districts, column, stat, value, minCount, colorBy, sizeBy, pointScale });
}

export function aggregateRequest(spec: LayerSpec, minCount: number): AggregateRequest | null {
  const base = { dataset: spec.dataset, stat: spec.stat, value: spec.value, minCount };
  switch (spec.kind) {
    case 'hexagons':
      return { ...base, by: { kind: 'hexagon', sizeM: spec.sizeM } };
    case 'grid':
      return { ...base, by: { kind: 'grid', sizeM: spec.sizeM } };
    case 'h3':
      return { ...base, by: { kind: 'h3', resolution: spec.resolution } };
    case 'choropleth':
      return spec.districts ? { ...base, by: { kind: 'districts', polygons: spec.districts } } : null;
    default:
      return null;
  }
}

export async function fetchLayerData(engine: EngineClient, spec: LayerSpec, minCount: number): Promise<LayerData> {
  if (spec.kind === 'points' || spec.kind === 'heatmap') {
    const styled = spec.kind === 'points';
    const scale = { scheme: spec.scheme, classification: spec.classification, classes: spec.classes, domain: spec.domain };
    const marks = await engine.pointMarks({
      dataset: spec.dataset,
      colour: styled && spec.colorBy ? { column: spec.colorBy, scale } : undefined,
      sizeBy: styled ? spec.sizeBy : undefined,
    });
    return { kind: 'points', marks };
  }
  if (spec.kind === 'lines') {
    const shapes = await engine.lines(spec.dataset);
    if (!shapes) throw new Error(`${spec.title}: the dataset has no lines`);
    return { kind: 'lines', shapes };
  }
  if (spec.kind === 'outlines') {
    return { kind: 'areas', mesh: await engine.polygonMesh(spec.dataset), result: null, values: null, names: null };
  }
  if (spec.kind === 'choropleth' && !spec.districts) {
    const column = spec.column;
    if (!column) throw new Error(`${spec.title}: choose a column to colour by`);
    const [mesh, values] = await Promise.all([engine.polygonMesh(spec.dataset), engine.columnValues(spec.dataset, column)]);
    return { kind: 'areas', mesh, result: null, values, names: await engine.featureNames(spec.dataset) };
  }
  const request = aggregateRequest(spec, minCount)!;
  const result = await engine.aggregate(request);
  if (spec.kind === 'h3') {
    return { kind: 'areas', mesh: await engine.h3Mesh(result.h3!), result, values: null, names: null };
  }
  if (spec.kind === 'choropleth') {
    return { kind: 'areas', mesh: await engine.polygonMesh(spec.districts!), result, values: null, names: result.names };
  }
  return { kind: 'cells', result };
}

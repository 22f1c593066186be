// Asks the engine for the typed arrays a LayerSpec needs. Only the fields that change
// the data are in the request key: colour, opacity and 3D changes never refetch.
import type { AggregateRequest } from '../engine/protocol';
import type { LayerData } from '../map/deck-layers';
import { isAggregateLayer, type LayerPatch, type LayerSpec } from '../config/layer';
import type { EngineClient } from './engine-client';
import { t } from '../i18n';

export function dataKey(spec: LayerSpec, minCount: number): string {
  // Each kind has only some of these settings; the others are undefined and drop out of the key.
  const fields: LayerPatch & Pick<LayerSpec, 'kind' | 'dataset'> = spec;
  const { kind, dataset, sizeM, resolution, districts, column, stat, value, colorBy, sizeBy } = fields;
  // Point colours are computed in the worker, so their scale settings are data too.
  const pointScale = spec.kind === 'points' && colorBy ? [spec.scheme, spec.classification, spec.classes, spec.domain] : null;
  return JSON.stringify({ kind, dataset, sizeM, resolution, districts, column, stat, value, minCount, colorBy, sizeBy, pointScale });
}

export function aggregateRequest(spec: LayerSpec, minCount: number): AggregateRequest | null {
  if (!isAggregateLayer(spec)) return null;
  const base = { dataset: spec.dataset, stat: spec.stat, value: spec.value, minCount };
  switch (spec.kind) {
    case 'hexagon':
      return { ...base, by: { kind: 'hex', sizeM: spec.sizeM } };
    case 'grid':
      return { ...base, by: { kind: 'grid', sizeM: spec.sizeM } };
    case 'h3':
      return { ...base, by: { kind: 'h3', resolution: spec.resolution } };
    case 'districts':
      return { ...base, by: { kind: 'districts', polygons: spec.districts } };
  }
}

export async function fetchLayerData(engine: EngineClient, spec: LayerSpec, minCount: number): Promise<LayerData> {
  if (spec.kind === 'points' || spec.kind === 'heatmap') {
    const styled = spec.kind === 'points' ? spec : null;
    const scale = styled && { scheme: styled.scheme, classification: styled.classification, classes: styled.classes, domain: styled.domain };
    const marks = await engine.pointMarks({
      dataset: spec.dataset,
      colour: styled?.colorBy && scale ? { column: styled.colorBy, scale } : undefined,
      sizeBy: styled?.sizeBy,
    });
    return { kind: 'points', marks };
  }
  if (spec.kind === 'lines') {
    const shapes = await engine.lines(spec.dataset);
    if (!shapes) throw new Error(t('layers.noLines', { title: spec.title }));
    return { kind: 'lines', shapes };
  }
  if (spec.kind === 'outlines') {
    return { kind: 'areas', mesh: await engine.polygonMesh(spec.dataset), result: null, values: null, names: null };
  }
  if (spec.kind === 'choropleth') {
    const column = spec.column;
    if (!column) throw new Error(t('layers.chooseColumn', { title: spec.title }));
    const [mesh, values] = await Promise.all([engine.polygonMesh(spec.dataset), engine.columnValues(spec.dataset, column)]);
    return { kind: 'areas', mesh, result: null, values, names: await engine.featureNames(spec.dataset) };
  }
  const request = aggregateRequest(spec, minCount)!;
  const result = await engine.aggregate(request);
  if (spec.kind === 'h3') {
    return { kind: 'areas', mesh: await engine.h3Mesh(result.h3!), result, values: null, names: null };
  }
  if (spec.kind === 'districts') {
    return { kind: 'areas', mesh: await engine.polygonMesh(spec.districts), result, values: null, names: result.names };
  }
  return { kind: 'cells', result };
}

// A layer's data from the engine in one request: layerQuery (src/config/layer-query.ts)
// turns a LayerSpec into the engine's LayerQuery, and toLayerData turns the answer into the
// map's LayerData. Colour, opacity and 3D are not in the query: they never refetch.
import type { LayerQuery, LayerResult } from '../engine/protocol';
import type { LayerData } from '../map/deck-layers';
import type { Coordinator } from './coordinator';
import type { LayerSpec } from '../config/layer';
import { layerQuery as queryOfLayer, type DatasetWindows } from '../config/layer-query';
export { layerQuery } from '../config/layer-query';

/** The layer's query, or null where it cannot be asked for (the layer panel shows why, from use-layer-data). */
export function layerQueryOrNull(spec: LayerSpec, minCount: number, windows: DatasetWindows): LayerQuery | null {
  try {
    return queryOfLayer(spec, minCount, windows);
  } catch {
    return null;
  }
}

/** The map's form of a layer answer whose geometry the coordinator has put in. */
export function toLayerData(value: LayerResult): LayerData {
  const held = <G>(part: { key: string; data: G | null }): G => {
    if (!part.data) throw new Error(`geometry ${part.key} is missing from the answer`);
    return part.data;
  };
  switch (value.kind) {
    case 'points':
    case 'cells':
      return value;
    case 'lines':
      return { kind: 'lines', shapes: held(value.lines) };
    case 'areas':
      return { kind: 'areas', mesh: held(value.mesh), result: value.result, values: value.values, names: value.names, analysis: value.analysis };
  }
}

/** Fetch a layer's data as its layer's slot: a newer fetch for the same layer cancels this one. */
export async function fetchLayerData(coordinator: Coordinator, slot: string, layer: LayerQuery): Promise<LayerData> {
  const answer = await coordinator.supersede(slot, { type: 'layer', layer });
  return toLayerData(answer.value);
}

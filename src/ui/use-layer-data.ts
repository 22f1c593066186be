// Keeps each layer's data in step with its spec: asks the coordinator only when the
// layer's query changes (its stable key), and a newer query for a layer cancels the
// older one, so a slow old answer never overwrites a newer one.
import { useEffect, useRef, useState } from 'react';
import type { LayerQuery } from '../engine/protocol';
import { isAbortError } from '../engine/abort';
import type { LayerData } from '../map/deck-layers';
import type { LayerSpec } from '../config/layer';
import type { Coordinator } from './coordinator';
import { fetchLayerData, layerQuery } from './layer-data';
import type { DatasetWindows } from '../config/layer-query';
import { requestKey } from './request-key';

export type LayerDataState = { key: string; data?: LayerData; error?: string; pending: boolean };

/** The layer's query and its key, or the reason it has none yet. */
function queryOf(spec: LayerSpec, minCount: number, windows: DatasetWindows): { key: string; query: LayerQuery | null; error?: string } {
  try {
    const query = layerQuery(spec, minCount, windows);
    return { key: requestKey(query), query };
  } catch (err) {
    const error = (err as Error).message;
    return { key: `error:${error}`, query: null, error };
  }
}

/** Rows a cell layer aggregated (after its filters and time window); null for other layers. */
function aggregatedRows(data: LayerData): number | null {
  if (data.kind === 'cells') return data.result.rows;
  return data.kind === 'areas' ? (data.result?.rows ?? null) : null;
}

const NO_WINDOWS: DatasetWindows = {};

/** `windows`: each dataset's time window, which its cell layers follow. */
export function useLayerData(coordinator: Coordinator | null, specs: LayerSpec[], minCount: number, windows: DatasetWindows = NO_WINDOWS) {
  const [state, setState] = useState<Record<string, LayerDataState>>({});
  const latest = useRef<Record<string, string>>({});

  useEffect(() => {
    if (!coordinator) return;
    for (const spec of specs) {
      const { key, query, error } = queryOf(spec, minCount, windows);
      if (latest.current[spec.id] === key) continue;
      latest.current[spec.id] = key;
      if (!query) {
        coordinator.release(spec.id);
        setState((s) => ({ ...s, [spec.id]: { key, error, pending: false } }));
        continue;
      }
      setState((s) => ({ ...s, [spec.id]: { ...s[spec.id], key, pending: true } }));
      // The query as sent, for the e2e tests (time windows, rhythm filters).
      performance.mark('citylens:layer-request', { detail: { layer: spec.id, query } });
      fetchLayerData(coordinator, spec.id, query).then(
        (data) => {
          if (latest.current[spec.id] !== key) return;
          // Round trips this layer has cost so far, for the e2e tests and the performance panel.
          performance.mark('citylens:layer-data', { detail: { layer: spec.id, remoteCalls: coordinator.remoteCalls(spec.id), rows: aggregatedRows(data) } });
          setState((s) => ({ ...s, [spec.id]: { key, data, pending: false } }));
        },
        (err: Error) => {
          // Superseded by a newer query for this layer: that one sets the state.
          if (isAbortError(err) || latest.current[spec.id] !== key) return;
          setState((s) => ({ ...s, [spec.id]: { key, error: err.message, pending: false } }));
        },
      );
    }
    for (const id of Object.keys(latest.current)) {
      if (!specs.some((s) => s.id === id)) {
        delete latest.current[id];
        coordinator.release(id);
        setState((s) => {
          const { [id]: _, ...rest } = s;
          return rest;
        });
      }
    }
  }, [coordinator, specs, minCount, windows]);

  return state;
}

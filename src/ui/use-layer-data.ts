// Keeps each layer's data in step with its spec: refetches from the worker only when
// a data-relevant field changes, and never lets a slow old answer overwrite a newer one.
import { useEffect, useRef, useState } from 'react';
import type { LayerData } from '../map/deck-layers';
import type { LayerSpec } from '../config/layer';
import type { EngineClient } from './engine-client';
import { dataKey, fetchLayerData } from './layer-data';

export type LayerDataState = { key: string; data?: LayerData; error?: string; pending: boolean };

export function useLayerData(engine: EngineClient | null, specs: LayerSpec[], minCount: number) {
  const [state, setState] = useState<Record<string, LayerDataState>>({});
  const latest = useRef<Record<string, string>>({});

  useEffect(() => {
    if (!engine) return;
    for (const spec of specs) {
      const key = dataKey(spec, minCount);
      if (latest.current[spec.id] === key) continue;
      latest.current[spec.id] = key;
      setState((s) => ({ ...s, [spec.id]: { ...s[spec.id], key, pending: true } }));
      fetchLayerData(engine, spec, minCount).then(
        (data) => {
          if (latest.current[spec.id] !== key) return;
          setState((s) => ({ ...s, [spec.id]: { key, data, pending: false } }));
        },
        (err: Error) => {
          if (latest.current[spec.id] !== key) return;
          setState((s) => ({ ...s, [spec.id]: { key, error: err.message, pending: false } }));
        },
      );
    }
    for (const id of Object.keys(latest.current)) {
      if (!specs.some((s) => s.id === id)) {
        delete latest.current[id];
        setState((s) => {
          const { [id]: _, ...rest } = s;
          return rest;
        });
      }
    }
  }, [engine, specs, minCount]);

  return state;
}

// Which basemap is shown: the config's default, the one a link names (src/config/url-state.ts
// reads it; the app writes the choice back into the link), or the user's pick in BasemapPicker.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BasemapConfig, BasemapEntry } from '../config/schema';
import { NO_BASEMAP } from './basemap';
import type { BasemapStatus } from './basemap-apply';

export interface BasemapChoice {
  /** The configured basemaps, in config order ("none" is offered by the picker on top). */
  options: BasemapEntry[];
  /** The chosen entry; null for the Natural Earth backdrop alone. */
  entry: BasemapEntry | null;
  /** True when a person asked for it (URL or picker): the map may then move to its area. */
  explicit: boolean;
  select: (id: string) => void;
  /** Shows `id` (null: the config's default) as a link's state; `moves`: the map may go to its area. */
  restore: (id: string | null, moves?: boolean) => void;
  /** What the map reports about the chosen basemap (loading, ready, failed). */
  status: BasemapStatus | null;
  onStatus: (s: BasemapStatus) => void;
}

export function useBasemapChoice(config: BasemapConfig | undefined): BasemapChoice {
  const options = useMemo(() => config?.basemaps ?? [], [config]);
  const [picked, setPicked] = useState<{ id: string | null; moves: boolean }>({ id: null, moves: false });
  const [status, onStatus] = useState<BasemapStatus | null>(null);
  const known = (id: string | null) => id === NO_BASEMAP || options.some((o) => o.id === id);

  const select = useCallback((id: string) => setPicked({ id, moves: true }), []);
  const restore = useCallback((id: string | null, moves = false) => setPicked({ id, moves }), []);

  const fits = picked.id !== null && known(picked.id);
  useEffect(() => {
    if (config && picked.id !== null && !fits) console.warn(`basemap: the config has no basemap "${picked.id}"; showing its default`);
  }, [config, picked.id, fits]);
  const id = fits ? picked.id : (config?.default ?? NO_BASEMAP);
  const entry = options.find((o) => o.id === id) ?? null;
  const explicit = fits && picked.moves;
  return useMemo(() => ({ options, entry, explicit, select, restore, status, onStatus }), [options, entry, explicit, select, restore, status]);
}

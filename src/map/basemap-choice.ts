// Which basemap is shown: the config's default, `?basemap=<id>` in the page URL, or the
// user's pick in BasemapPicker (written back to the URL so a shared link shows the same map).
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
  /** What the map reports about the chosen basemap (loading, ready, failed). */
  status: BasemapStatus | null;
  onStatus: (s: BasemapStatus) => void;
}

function fromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('basemap');
}

export function useBasemapChoice(config: BasemapConfig | undefined): BasemapChoice {
  const options = useMemo(() => config?.basemaps ?? [], [config]);
  const [picked, setPicked] = useState<string | null>(fromUrl);
  const [status, onStatus] = useState<BasemapStatus | null>(null);
  const known = (id: string | null) => id === NO_BASEMAP || options.some((o) => o.id === id);

  const select = useCallback((id: string) => {
    setPicked(id);
    const url = new URL(window.location.href);
    url.searchParams.set('basemap', id);
    window.history.replaceState(window.history.state, '', url);
  }, []);

  const explicit = picked !== null && known(picked);
  useEffect(() => {
    if (config && picked !== null && !explicit) console.warn(`basemap: the config has no basemap "${picked}"; showing its default`);
  }, [config, picked, explicit]);
  const id = explicit ? picked : (config?.default ?? NO_BASEMAP);
  const entry = options.find((o) => o.id === id) ?? null;
  return useMemo(() => ({ options, entry, explicit, select, status, onStatus }), [options, entry, explicit, select, status]);
}

// A before/after step's two sides (issue 14): each side's layers as `publish` wrote them,
// over the side's window and under the pair's shared colour scale. A layer whose side file
// is missing or stale is computed here on both sides (its scale pools the two), with the
// engine's chunk loaded only then, and said so.
import { useEffect, useState } from 'react';
import type { LoadedDashboard } from '../config-loader';
import type { DashboardConfig } from '../../config/dashboard';
import type { PublishManifest, PublishedLayer } from '../../config/published';
import { sidePair, type SideName } from '../../config/side-window';
import type { StoryStep } from '../../config/story';
import { readPublished } from './published-data';
import type { Computed } from './fallback';

export interface Sides {
  before: PublishedLayer[];
  after: PublishedLayer[];
  /** Why a side's layer was not read from its file, and whether it is being (or was) computed here. */
  problems: { side: SideName; reason: string; computed: Computed | 'pending' }[];
}

const SIDES: readonly SideName[] = ['before', 'after'];

/** The layer ids a side shows: its own, else the step's, else the dashboard's visible ones. */
export function sideLayerIds(config: DashboardConfig, step: StoryStep, side: SideName): string[] {
  return step.beforeAfter?.[side].layers ?? step.map?.layers ?? config.layers.filter((l) => l.visible).map((l) => l.id);
}

interface Entry {
  side: SideName;
  id: string;
  layer: PublishedLayer | null;
  reason?: string;
  computed?: Computed | 'pending';
}

export function useSides(baseUrl: string, dash: LoadedDashboard | null, manifest: PublishManifest | null, step: StoryStep | undefined): Sides | null {
  const [read, setRead] = useState<{ step: StoryStep; entries: Entry[] } | null>(null);
  useEffect(() => {
    const pair = sidePair(step);
    if (!dash || !step || !pair) return;
    const config = dash.config;
    let live = true;
    const update = (f: (entries: Entry[]) => Entry[]) => live && setRead((r) => (r?.step === step ? { step, entries: f(r.entries) } : r));
    void (async () => {
      const jobs = SIDES.flatMap((side) => sideLayerIds(config, step, side).flatMap((id) => {
        const spec = config.layers.find((l) => l.id === id);
        return spec ? [readPublished(dash.configUrl, manifest, spec, config, { pair, side }).then((s): Entry => (s.ok ? { side, id, layer: s.layer } : { side, id, layer: null, reason: s.reason }))] : [];
      }));
      const entries = await Promise.all(jobs);
      const todo = [...new Set(entries.filter((e) => !e.layer).map((e) => e.id))];
      if (!live) return;
      // A layer with a side to compute is computed on every side that shows it: the scale pools them.
      setRead({ step, entries: entries.map((e) => (todo.includes(e.id) ? { ...e, computed: 'pending' } : e)) });
      if (!todo.length) return;
      const { computeSides } = await import('./fallback');
      for (const id of todo) {
        const spec = config.layers.find((l) => l.id === id)!;
        const sides = SIDES.filter((side) => entries.some((e) => e.id === id && e.side === side));
        const results = await computeSides(baseUrl, dash, spec, pair, sides);
        update((all) => all.map((e) => {
          const r = e.id === id ? results.find((x) => x.side === e.side) : undefined;
          return r ? { ...e, computed: r.computed, layer: r.computed.ok ? r.computed.layer : e.layer } : e;
        }));
      }
    })();
    return () => {
      live = false;
    };
  }, [baseUrl, dash, manifest, step]);
  if (!dash || !step?.beforeAfter) return null;
  const mine = read?.step === step ? read.entries : [];
  const of = (side: SideName) => mine.flatMap((e) => (e.side === side && e.layer ? [e.layer] : []));
  const problems = mine.flatMap((e) => (e.reason ? [{ side: e.side, reason: e.reason, computed: e.computed ?? 'pending' }] : []));
  return { before: of('before'), after: of('after'), problems };
}

// A before/after step's two sides (issue 14): each side's layers as `publish` wrote them,
// over the side's window and under the pair's shared colour scale. A side that was not
// published (or is stale) is said plainly; it is not computed here, as its scale depends
// on the other side too.
import { useEffect, useState } from 'react';
import type { DashboardConfig } from '../../config/dashboard';
import type { PublishManifest, PublishedLayer } from '../../config/published';
import { sidePair, type SideName } from '../../config/side-window';
import type { StoryStep } from '../../config/story';
import { readPublished, type PublishedState } from './published-data';

export interface Sides {
  before: PublishedLayer[];
  after: PublishedLayer[];
  /** Why a side's layer is not drawn, per side. */
  problems: { side: SideName; reason: string }[];
  /** True until every side's layer has been read. */
  pending: boolean;
}

const SIDES: readonly SideName[] = ['before', 'after'];

/** The layer ids a side shows: its own, else the step's, else the dashboard's visible ones. */
export function sideLayerIds(config: DashboardConfig, step: StoryStep, side: SideName): string[] {
  return step.beforeAfter?.[side].layers ?? step.map?.layers ?? config.layers.filter((l) => l.visible).map((l) => l.id);
}

export function useSides(configUrl: string | null, config: DashboardConfig | null, manifest: PublishManifest | null, step: StoryStep | undefined): Sides | null {
  const [states, setStates] = useState<{ step: StoryStep; side: SideName; id: string; state: PublishedState }[]>([]);
  useEffect(() => {
    const pair = sidePair(step);
    if (!configUrl || !config || !step || !pair) return;
    let live = true;
    const jobs = SIDES.flatMap((side) => sideLayerIds(config, step, side).flatMap((id) => {
      const spec = config.layers.find((l) => l.id === id);
      return spec ? [readPublished(configUrl, manifest, spec, config.minCount, { pair, side }).then((state) => ({ step, side, id, state }))] : [];
    }));
    void Promise.all(jobs).then((all) => live && setStates(all));
    return () => {
      live = false;
    };
  }, [configUrl, config, manifest, step]);
  if (!config || !step?.beforeAfter) return null;
  const mine = states.filter((s) => s.step === step);
  const of = (side: SideName) => mine.flatMap((s) => (s.side === side && s.state.ok ? [s.state.layer] : []));
  const problems = mine.flatMap((s) => (s.state.ok ? [] : [{ side: s.side, reason: s.state.reason }]));
  return { before: of('before'), after: of('after'), problems, pending: mine.length === 0 };
}

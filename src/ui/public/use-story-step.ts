// Which story step the citizen view shows: from the link (#step=<story>/<n>, n from 1), else
// the first step of the first story; moving writes the link, so a step can be shared.
import { useCallback, useEffect, useState } from 'react';
import type { Story } from '../../config/story';

export interface StepPosition {
  story: number;
  step: number;
}

/** The position a hash names, clamped to the stories; the first step when it names none. */
export function stepFromHash(hash: string, stories: readonly Story[]): StepPosition {
  const m = /(?:^#|&)step=([^&/]+)\/(\d+)/.exec(hash);
  if (!m) return { story: 0, step: 0 };
  const story = Math.max(0, stories.findIndex((s) => s.id === decodeURIComponent(m[1])));
  const steps = stories[story]?.steps.length ?? 1;
  return { story, step: Math.min(steps - 1, Math.max(0, Number(m[2]) - 1)) };
}

export function stepHash(stories: readonly Story[], at: StepPosition): string {
  const s = stories[at.story];
  return s ? `#step=${encodeURIComponent(s.id)}/${at.step + 1}` : '';
}

export function useStoryStep(stories: readonly Story[]) {
  const [at, setAt] = useState<StepPosition>(() => stepFromHash(location.hash, stories));
  useEffect(() => setAt(stepFromHash(location.hash, stories)), [stories]);
  useEffect(() => {
    const onHash = () => setAt(stepFromHash(location.hash, stories));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [stories]);
  const count = stories[at.story]?.steps.length ?? 0;
  const go = useCallback(
    (step: number) => {
      const next = { story: at.story, step: Math.min(count - 1, Math.max(0, step)) };
      if (next.step === at.step) return;
      history.replaceState(history.state, '', stepHash(stories, next));
      setAt(next);
    },
    [at, count, stories],
  );
  return { at, count, go };
}

// "Add this view as a story step" (issue 14): the analyst view's state of now as a story
// step — the view, the visible layers and the time window of the first visible layer's
// dataset — appended to the config's first story, or to a new one. Pure.
import type { Story, StoryStep } from './story';
import type { TimeStates } from './time-state';
import { roundView, type PageState } from './url-state';

/** A time bound as the config's ISO text: an instant (epoch ms) in UTC, text as it is. */
const isoOf = (v: string | number) => (typeof v === 'number' ? new Date(v).toISOString().replace('.000Z', 'Z') : v);

/** The step showing `page` as it is now. */
export function stepOfPage(page: PageState, title: string, text: string, time: TimeStates | undefined): StoryStep {
  const visible = page.layers.filter((l) => l.visible);
  const window = visible.map((l) => time?.[l.dataset]?.window).find((w) => w?.from !== undefined && w.to !== undefined);
  return {
    title,
    text,
    map: {
      view: roundView(page.view),
      layers: visible.map((l) => l.id),
      ...(window ? { time: { from: isoOf(window.from!), to: isoOf(window.to!) } } : {}),
    },
  };
}

/** The stories with `step` at the end of the first one (a new story `fallbackTitle` when there is none). */
export function withStep(stories: readonly Story[], step: StoryStep, fallbackTitle: string): Story[] {
  if (!stories.length) return [{ id: 'story', title: fallbackTitle, steps: [step] }];
  const [first, ...rest] = stories;
  const ids = new Set(first.steps.map((s) => s.id).filter(Boolean));
  let n = first.steps.length + 1;
  while (ids.has(`step-${n}`)) n++;
  return [{ ...first, steps: [...first.steps, { id: `step-${n}`, ...step }] }, ...rest];
}

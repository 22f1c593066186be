// "Add this view as a story step": the step holds the view (rounded as links are), the
// visible layers in panel order and the first visible layer's time window as ISO text,
// and lands at the end of the first story under a fresh id.
import { describe, expect, it } from 'vitest';
import { stepOfPage, withStep } from '../../src/config/story-step';
import { LayerSpec } from '../../src/config/layer';
import { Story } from '../../src/config/story';
import type { PageState } from '../../src/config/url-state';

const layer = (id: string, visible: boolean) => LayerSpec.parse({ id, kind: 'hexagon', dataset: 'bikes', title: id, visible });

describe('story steps from the page', () => {
  const page: PageState = {
    view: { center: [-73.9712345678, 40.7412345], zoom: 11.4567 },
    basemap: 'none',
    sources: [],
    layers: [layer('a', false), layer('b', true), layer('c', true)],
    time: { bikes: { window: { from: Date.UTC(2024, 2, 14, 12), to: Date.UTC(2024, 2, 15, 12) } } },
  };

  it('take the view, the visible layers and the time window', () => {
    const step = stepOfPage(page, 'Midtown', 'Text', page.time);
    expect(step).toEqual({
      title: 'Midtown',
      text: 'Text',
      map: { view: { center: [-73.97123, 40.74123], zoom: 11.46 }, layers: ['b', 'c'], time: { from: '2024-03-14T12:00:00Z', to: '2024-03-15T12:00:00Z' } },
    });
    // What the config schema reads back.
    expect(Story.parse({ id: 's', title: 'S', steps: [step] }).steps[0]).toEqual(step);
    expect(stepOfPage({ ...page, time: undefined }, 'x', '', undefined).map).not.toHaveProperty('time');
  });

  it('append to the first story with a fresh id, or start a story', () => {
    const step = stepOfPage(page, 'Midtown', '', page.time);
    const stories: Story[] = [{ id: 's', title: 'S', steps: [{ id: 'step-2', title: 'one', text: '' }] }, { id: 't', title: 'T', steps: [{ title: 'x', text: '' }] }];
    const next = withStep(stories, step, 'Story');
    expect(next[0].steps.map((s) => s.id)).toEqual(['step-2', 'step-3']);
    expect(next[1]).toBe(stories[1]);
    expect(stories[0].steps).toHaveLength(1);
    expect(withStep([], step, 'Story')).toEqual([{ id: 'story', title: 'Story', steps: [step] }]);
  });
});

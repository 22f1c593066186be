// Story steps added in the analyst view ("Add this view as a story step"), kept until the
// config is exported: the export carries them, to publish.
import { useCallback, useMemo, useState } from 'react';
import type { DashboardConfig } from '../../config/dashboard';
import type { Story } from '../../config/story';
import { stepOfPage, withStep } from '../../config/story-step';
import type { PageState } from '../../config/url-state';
import { getLocale, useT } from '../../i18n';
import { configText } from '../config-datasets';

export function useStorySteps(config: DashboardConfig | null, page: PageState | null, say: (m: { status: string }) => void) {
  const t = useT();
  const [stories, setStories] = useState<Story[] | null>(null);
  const addStep = useCallback((title: string, text: string) => {
    if (!config || !page) return;
    const next = withStep(stories ?? config.stories, stepOfPage(page, title, text, page.time), t('story.newStory'));
    setStories(next);
    const story = next[0];
    say({ status: t('story.added', { title, story: configText(config, story.title, getLocale()) ?? story.id, steps: story.steps.length }) });
  }, [config, page, stories, say, t]);
  const exportConfig = useMemo(() => (config && stories ? { ...config, stories } : config), [config, stories]);
  return { exportConfig, addStep };
}

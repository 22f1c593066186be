// The citizen view (?mode=public): the map, a large legend in words and the story, read
// only, from the files `npm run cli -- publish` wrote; no database starts. "Explore the
// data" opens the analyst view, which does.
import { useEffect, useMemo, useState } from 'react';
import type { LoadedDashboard } from '../config-loader';
import { loadDashboard } from '../config-loader';
import { localText } from '../../config/localized-text';
import type { PublishManifest, PublishedLayer } from '../../config/published';
import { getLocale, useT } from '../../i18n';
import { PublicMap } from './PublicMap';
import { PublicLegend } from './PublicLegend';
import { StoryStepper, useSwipe } from './StoryStepper';
import { StoryText } from './StoryText';
import { readManifest, readPublished, type PublishedState } from './published-data';
import type { Computed } from './fallback';
import { useStoryStep } from './use-story-step';
import { EmbedCode } from './EmbedCode';
import { PublicCompare } from './PublicCompare';
import { CompareSummary } from './CompareSummary';
import { useSides } from './use-sides';
import { EmbedFoot } from '../EmbedFoot';
import { analystHref } from '../embed';
import './public.css';

const baseUrl = () => new URL(import.meta.env.BASE_URL, document.baseURI).href;

export function PublicView({ embed = false }: { embed?: boolean }) {
  const t = useT();
  const base = useMemo(baseUrl, []);
  const [dash, setDash] = useState<LoadedDashboard | null>(null);
  const [manifest, setManifest] = useState<PublishManifest | null>(null);
  const [states, setStates] = useState<Record<string, PublishedState>>({});
  // Layers whose published file is missing or stale, computed here instead (fallback.ts).
  const [computed, setComputed] = useState<Record<string, Computed | 'pending'>>({});
  useEffect(() => {
    void loadDashboard(base, location.search, location.origin).then(async (d) => {
      setManifest(await readManifest(d.configUrl));
      setDash(d);
    });
  }, [base]);
  const config = dash?.config ?? null;
  const stories = useMemo(() => config?.stories ?? [], [config]);
  const { at, count, go } = useStoryStep(stories);
  const swipe = useSwipe((delta) => go(at.step + delta));
  const language = getLocale();
  const story = stories[at.story];
  const step = story?.steps[at.step];
  const layerIds = useMemo(() => step?.map?.layers ?? config?.layers.filter((l) => l.visible).map((l) => l.id) ?? [], [step, config]);

  useEffect(() => {
    if (!config || !dash) return;
    for (const id of layerIds) {
      if (states[id]) continue;
      const spec = config.layers.find((l) => l.id === id);
      if (!spec) continue;
      void readPublished(dash.configUrl, manifest, spec, config).then((s) => setStates((all) => ({ ...all, [id]: s })));
    }
  }, [config, dash, manifest, layerIds, states]);

  useEffect(() => {
    if (!config || !dash) return;
    const todo = layerIds.filter((id) => states[id] && !states[id].ok && !computed[id]);
    if (!todo.length) return;
    setComputed((all) => ({ ...all, ...Object.fromEntries(todo.map((id) => [id, 'pending' as const])) }));
    // The engine's chunk loads only now: a published story never fetches it.
    void import('./fallback').then(async ({ computeLayer }) => {
      for (const id of todo) {
        const spec = config.layers.find((l) => l.id === id)!;
        const result = await computeLayer(base, dash, spec);
        setComputed((all) => ({ ...all, [id]: result }));
      }
    });
  }, [config, dash, layerIds, states, computed, base]);

  // A before/after step: its sides, published per side (the step's own layers give the view and the summary).
  const sides = useSides(base, dash, manifest, step);

  useEffect(() => {
    document.title = config ? (localText(config.title, language, config.languages) ?? 'CityLens') : 'CityLens';
  }, [config, language]);

  if (!config || !dash) return <main className="public" aria-busy="true"><p role="status">{t('public.loading')}</p></main>;
  const shown: PublishedLayer[] = layerIds.flatMap((id) => {
    const s = states[id], c = computed[id];
    return s?.ok ? [s.layer] : c && c !== 'pending' && c.ok ? [c.layer] : [];
  });
  const problems = layerIds.flatMap((id) => {
    const s = states[id], c = computed[id];
    if (!s || s.ok) return [];
    const then = !c || c === 'pending' ? t('public.fallback') : c.ok ? t('public.computed') : c.reason;
    return [`${s.reason} ${then}`];
  });
  const text = (v: Parameters<typeof localText>[0]) => localText(v, language, config.languages) ?? '';
  const sideLabel = (side: 'before' | 'after') => text(step?.beforeAfter?.[side].label) || t(`public.compare.${side}`);
  for (const p of sides?.problems ?? []) {
    const then = p.computed === 'pending' ? t('public.fallback') : p.computed.ok ? t('public.computed') : p.computed.reason;
    problems.push(`${p.reason} ${t('public.compare.notPublished', { side: sideLabel(p.side) })} ${then}`);
  }
  // One legend per layer for both sides: they share its scale.
  const legends = sides ? [...sides.before, ...sides.after.filter((l) => !sides.before.some((b) => b.layer === l.layer))] : shown;
  const view = step?.map?.view ?? config.view;
  const basemap = config.basemap.basemaps.find((b) => b.id === config.basemap.default) ?? null;
  return (
    <main className="public">
      {!embed && (
        <header className="public-header">
          <h1>{text(config.title)}</h1>
          <a className="explore" href={analystHref(location.href, false)}>{t('public.explore')}</a>
        </header>
      )}
      {step?.beforeAfter && sides ? (
        <PublicCompare baseUrl={base} view={view} basemap={basemap} title={text(step.title)} onDrawn={() => performance.mark('citylens:first-draw')}
          sides={{
            before: { label: sideLabel('before'), layers: sides.before },
            after: { label: sideLabel('after'), layers: sides.after },
          }} />
      ) : (
        <PublicMap baseUrl={base} view={view} layers={shown} basemap={basemap} label={t('public.mapLabel', { title: step ? text(step.title) : text(config.title) })}
          onDrawn={() => performance.mark('citylens:first-draw')} />
      )}
      {dash.messages.length > 0 && <ul role="alert" className="problems">{dash.messages.map((m, i) => <li key={i}>{m}</li>)}</ul>}
      {problems.length > 0 && <ul role="alert" className="problems">{problems.map((m, i) => <li key={i}>{m}</li>)}</ul>}
      <article className="story" {...swipe}>
        {story && step ? (
          <>
            <p className="story-title">{text(story.title)}</p>
            <h2>{text(step.title)}</h2>
            <StoryText text={text(step.text)} />
            <CompareSummary layers={sides ? [...shown, ...sides.before, ...sides.after] : shown} />
            <StoryStepper step={at.step} count={count} go={go} />
          </>
        ) : (
          config.description && <p>{text(config.description)}</p>
        )}
      </article>
      {legends.map((l) => <PublicLegend key={l.layer} layer={l} />)}
      {embed ? <EmbedFoot keepHash={false} /> : <footer className="public-foot"><EmbedCode title={text(config.title)} /></footer>}
    </main>
  );
}

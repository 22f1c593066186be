import { createRoot } from 'react-dom/client';
import { lazy, Suspense } from 'react';
import { startLocale } from './ui/LanguagePicker';
import { isEmbed } from './ui/embed';
import { EmbedFoot } from './ui/EmbedFoot';
import { prefetchFirstFrame } from './ui/prefetch';
// MapLibre's styles first, so the app's own rules that adjust its controls come after them.
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';

// Two views, each its own chunk: the citizen view (?mode=public) never loads the analyst
// app's deck.gl, database worker or panels.
const PublicView = lazy(() => import('./ui/public/PublicView').then((m) => ({ default: m.PublicView })));
const App = lazy(() => import('./ui/App').then((m) => ({ default: m.App })));
const mode = new URLSearchParams(location.search).get('mode');
// In an iframe on another site (?embed=1): the views drop their title bars (embed.css).
const embed = isEmbed(location.search);
if (embed) document.documentElement.classList.add('embed');

// The analyst view's first frame needs the config and the published files: ask now, while its
// chunk loads (names as config-loader.ts CONFIG_FILE, config/published.ts PUBLISHED_DIR, MANIFEST_FILE).
if (mode !== 'public' && !new URLSearchParams(location.search).has('config')) {
  const config = new URL('citylens.config.json', new URL(import.meta.env.BASE_URL, document.baseURI)).href;
  prefetchFirstFrame(config, new URL('published/manifest.json', config).href);
}

// Before the first render: the app's first texts and the map's controls are in the reader's language.
startLocale();
createRoot(document.getElementById('root')!).render(<Suspense fallback={null}>{mode === 'public' ? <PublicView embed={embed} /> : <><App />{embed && <EmbedFoot keepHash />}</>}</Suspense>);

// The embedded page's only chrome: a small "Explore the data" link at the foot, opening the
// analyst view full page in a new tab (the frame's sandbox allows popups).
import { useT } from '../i18n';
import { analystHref } from './embed';
import './embed.css';

export function EmbedFoot({ keepHash }: { keepHash: boolean }) {
  const t = useT();
  // The analyst view rewrites its link as the map moves: read it when the link is used.
  const refresh = (e: React.SyntheticEvent<HTMLAnchorElement>) => (e.currentTarget.href = analystHref(location.href, keepHash));
  return (
    <footer className="embed-foot">
      <a href={analystHref(location.href, keepHash)} target="_blank" rel="noopener" onFocus={refresh} onPointerDown={refresh} onClick={refresh}>
        {t('public.explore')}
      </a>
    </footer>
  );
}

// Previous / next, progress dots and the step count: buttons with names, arrow keys
// anywhere outside a text field, and a horizontal swipe on the story card.
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';

export function StoryStepper({ step, count, go }: { step: number; count: number; go: (step: number) => void }) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      // On the map the arrows pan it (MapLibre's keyboard handler), not the story.
      if (target?.closest('input, textarea, select, [contenteditable], .maplibregl-map')) return;
      if (e.key === 'ArrowRight') go(step + 1);
      else if (e.key === 'ArrowLeft') go(step - 1);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [go, step]);
  return (
    <nav className="stepper" aria-label={t('public.steps')}>
      <button type="button" onClick={() => go(step - 1)} disabled={step === 0}>{t('public.previous')}</button>
      <ol className="dots">
        {Array.from({ length: count }, (_, i) => (
          <li key={i}>
            <button type="button" aria-current={i === step ? 'step' : undefined} aria-label={t('public.stepOf', { n: i + 1, count })} onClick={() => go(i)} />
          </li>
        ))}
      </ol>
      <span className="step-count" aria-live="polite">{t('public.stepOf', { n: step + 1, count })}</span>
      <button type="button" onClick={() => go(step + 1)} disabled={step >= count - 1}>{t('public.next')}</button>
    </nav>
  );
}

/** Swipe left for the next step, right for the previous one (50 px, mostly horizontal). */
export function useSwipe(go: (delta: number) => void) {
  const start = useRef<{ x: number; y: number } | null>(null);
  return {
    onPointerDown: (e: React.PointerEvent) => (start.current = { x: e.clientX, y: e.clientY }),
    onPointerUp: (e: React.PointerEvent) => {
      const s = start.current;
      start.current = null;
      if (!s) return;
      const dx = e.clientX - s.x, dy = e.clientY - s.y;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? 1 : -1);
    },
  };
}

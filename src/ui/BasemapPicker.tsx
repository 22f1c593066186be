// The basemap picker: a map-style button under the zoom controls that opens a radio
// group of the configured basemaps. Online ones say so: they are fetched only once picked.
import { useEffect, useId, useRef, useState } from 'react';
import { NO_BASEMAP } from '../map/basemap';
import type { BasemapChoice } from '../map/basemap-choice';
import type { BasemapEntry } from '../config/schema';
import { useT } from '../i18n';
import './basemap-picker.css';

const isOnline = (b: BasemapEntry) => /^[a-z][a-z0-9+.-]*:/i.test(b.url) && !b.url.startsWith(window.location.origin);

export function BasemapPicker({ basemap }: { basemap: BasemapChoice }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const current = basemap.entry?.id ?? NO_BASEMAP;
  const title = basemap.entry?.title ?? t('basemap.none');

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const status = basemap.status?.id === current ? basemap.status : null;
  const note = status?.state === 'loading' ? t('basemap.loading', { title }) : status?.state === 'failed' ? t('basemap.failed', { message: status.message ?? '' }) : '';
  const choices = [{ id: NO_BASEMAP, title: t('basemap.none'), online: false }, ...basemap.options.map((b) => ({ id: b.id, title: b.title, online: isOnline(b) }))];

  return (
    <div
      className="basemap-picker"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="basemap-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('basemap.toggle', { title })}
        title={t('basemap.toggle', { title })}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 3 2 8.5 12 14l10-5.5L12 3Z" fill="currentColor" />
          <path d="m4.2 12.4-2.2 1.2L12 19l10-5.4-2.2-1.2L12 16.6l-7.8-4.2Z" fill="currentColor" opacity="0.6" />
        </svg>
      </button>
      {open && (
        <div id={panelId} className="basemap-panel">
          <fieldset>
            <legend>{t('basemap.label')}</legend>
            {choices.map((c) => (
              <label key={c.id}>
                <input type="radio" name={`${panelId}-basemap`} value={c.id} checked={current === c.id} onChange={() => basemap.select(c.id)} />
                <span>{c.title}</span>
                {c.online && <span className="basemap-online">{t('basemap.online')}</span>}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <p className="basemap-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
}

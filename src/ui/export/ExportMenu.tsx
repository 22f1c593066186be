// The Export button and its menu (WAI-ARIA menu button): the one control named "Export".
// Arrow keys move between items, Escape closes and returns focus to the button.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n';
import './export-menu.css';

export interface ExportItem {
  key: string;
  label: string;
  /** Why the item cannot run now; null when it can. */
  unavailable: string | null;
  run: () => void | Promise<void>;
}

export function ExportMenu({ items }: { items: ExportItem[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    refs.current.find((b) => b && !b.disabled)?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const move = (by: number) => {
    const enabled = refs.current.filter((b): b is HTMLButtonElement => !!b && !b.disabled);
    const i = enabled.indexOf(document.activeElement as HTMLButtonElement);
    enabled[(i + by + enabled.length) % enabled.length]?.focus();
  };

  return (
    <div
      className="export-menu"
      ref={root}
      onKeyDown={(e) => {
        if (!open) return;
        if (e.key === 'Escape') {
          setOpen(false);
          button.current?.focus();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          move(e.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <button ref={button} type="button" className="button" aria-haspopup="menu" aria-expanded={open} aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}>
        {t('export.button')}
      </button>
      {open && (
        <ul role="menu" id={menuId} aria-label={t('export.button')}>
          {items.map((item, i) => (
            <li role="none" key={item.key}>
              <button
                ref={(b) => {
                  refs.current[i] = b;
                }}
                type="button"
                role="menuitem"
                disabled={item.unavailable !== null}
                title={item.unavailable ?? undefined}
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                  void item.run();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

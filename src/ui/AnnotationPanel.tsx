// The Annotations panel: the Annotate toolbar (Point, Line, Area; while drawing, the
// keyboard's way to add and remove vertices, Done and Cancel), the list of notes with an
// editable text field each (text, never HTML), Zoom to and Delete, and the annotations file.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { MAX_NOTE, type AnnotationKind } from '../config/annotations';
import { MAX_LINK_WITH_ANNOTATIONS } from '../config/url-state';
import { formatInteger, useT } from '../i18n';
import { annotationName, type Annotations } from './use-annotations';
import './annotations.css';

const KINDS: AnnotationKind[] = ['point', 'line', 'area'];

/** Arrow keys move along the toolbar's buttons (WAI-ARIA toolbar); Tab still reaches each. */
function toolbarKeys(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  buttons[(i + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
  e.preventDefault();
}

export function AnnotationPanel({ notes }: { notes: Annotations }) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const { annotations, draft, focusId, focused } = notes;

  useEffect(() => {
    if (!focusId) return;
    list.current?.querySelector<HTMLInputElement>(`[data-annotation="${focusId}"] input`)?.focus();
    focused();
  }, [focusId, focused, annotations]);

  const vertices = draft?.vertices.length ?? 0;
  const enough = draft ? vertices >= (draft.kind === 'area' ? 3 : 2) : false;

  return (
    <section className="annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">{t('annotations.heading')}</h2>
      <div role="toolbar" aria-label={t('annotations.toolbar')} className="annotate-tools" onKeyDown={toolbarKeys}>
        {KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={draft?.kind === k} onClick={() => notes.start(k)}>
            {t(`annotations.kind.${k}`)}
          </button>
        ))}
        {draft && (
          <>
            <button type="button" onClick={notes.addCentre}>{t('annotations.addVertex')}</button>
            {draft.kind !== 'point' && (
              <>
                <button type="button" disabled={!vertices} onClick={notes.removeVertex}>{t('annotations.removeVertex')}</button>
                <button type="button" disabled={!enough} onClick={notes.finish}>{t('annotations.done')}</button>
              </>
            )}
            <button type="button" onClick={notes.cancel}>{t('common.cancel')}</button>
          </>
        )}
      </div>
      {draft && (
        <p className="annotate-hint" aria-live="polite">
          {draft.kind === 'point' ? t('annotations.hintPoint') : t('annotations.hintShape', { n: vertices })}
        </p>
      )}
      <ol role="list" aria-label={t('annotations.heading')} ref={list}>
        {annotations.map((a, i) => {
          const name = annotationName(a, i);
          return (
            <li key={a.id} data-annotation={a.id}>
              <span className="annotation-kind">{name}</span>
              <input type="text" value={a.note} maxLength={MAX_NOTE} aria-label={t('annotations.note', { name })}
                onChange={(e) => notes.setNote(a.id, e.target.value)} />
              <button type="button" aria-label={t('annotations.zoomToLabel', { name })} onClick={() => notes.zoomTo(a)}>
                {t('annotations.zoomTo')}
              </button>
              <button type="button" aria-label={t('annotations.deleteLabel', { name })} onClick={() => notes.remove(a.id)}>
                {t('annotations.delete')}
              </button>
            </li>
          );
        })}
      </ol>
      {!annotations.length && !draft && <p className="annotations-empty">{t('annotations.empty')}</p>}
      {notes.leftOut && annotations.length > 0 && (
        <p className="annotations-left-out">{t('annotations.leftOut', { max: formatInteger(MAX_LINK_WITH_ANNOTATIONS) })}</p>
      )}
      {annotations.length > 0 && (
        <button type="button" className="button" onClick={notes.save}>{t('annotations.download')}</button>
      )}
    </section>
  );
}

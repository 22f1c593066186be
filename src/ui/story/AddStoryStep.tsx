// "Add this view as a story step" (issue 14): a dialog for the step's title and text; the
// step takes the map as it is now (view, visible layers, time window). The config export
// then carries the story, to publish.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';

export function AddStoryStep({ onAdd }: { onAdd: (title: string, text: string) => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  // The form exists only while the dialog is open: a closed dialog adds no heading to the panel.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    onAdd(title.trim(), text.trim());
    setTitle('');
    setText('');
    dialog.current?.close();
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>{t('story.add')}</button>
      <dialog ref={dialog} className="story-step-dialog" aria-labelledby="story-step-heading" onClose={() => setOpen(false)}>
        {open && <form onSubmit={submit}>
          <h2 id="story-step-heading">{t('story.add')}</h2>
          <p>{t('story.addHelp')}</p>
          <label>
            {t('story.stepTitle')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} required />
          </label>
          <label>
            {t('story.stepText')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} />
          </label>
          <div className="actions">
            <button type="submit">{t('story.addStep')}</button>
            <button type="button" onClick={() => dialog.current?.close()}>{t('common.cancel')}</button>
          </div>
        </form>}
      </dialog>
    </>
  );
}

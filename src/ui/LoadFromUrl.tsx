// "Load from URL": a button that opens a small native <dialog> with a URL field. Relative
// URLs are read from the app's own base. What is not an http(s) address is refused here
// (data-link.ts); an origin the config does not allow is refused when the load starts.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { checkDataLink } from './data-link';

export function LoadFromUrl({ baseUrl, onLoad }: { baseUrl: string; onLoad: (url: string) => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState('');
  const id = useId();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get('url') ?? '');
    const link = checkDataLink(raw, { baseUrl, pageOrigin: window.location.origin });
    if (!link.ok) {
      setError(link.message);
      return;
    }
    setError('');
    e.currentTarget.reset();
    dialog.current?.close();
    onLoad(link.url);
  };
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {t('load.fromUrl')}
      </button>
      <dialog ref={dialog} className="url-dialog" aria-labelledby={`${id}-title`} onClose={() => setError('')}>
        <form onSubmit={submit} noValidate>
          <h2 id={`${id}-title`}>{t('load.fromUrl')}</h2>
          <label htmlFor={`${id}-url`}>{t('load.dataUrl')}</label>
          {/* type="text", not "url": relative URLs are welcome here. */}
          <input id={`${id}-url`} name="url" type="text" inputMode="url" autoComplete="url" required
            placeholder={t('load.urlPlaceholder')} aria-describedby={`${id}-help ${id}-error`} />
          <p id={`${id}-help`} className="help">{t('load.urlHelp')}</p>
          <p id={`${id}-error`} className="field-error" aria-live="polite">{error}</p>
          <div className="dialog-buttons">
            <button type="submit">{t('common.load')}</button>
            <button type="button" onClick={() => dialog.current?.close()}>{t('common.cancel')}</button>
          </div>
        </form>
      </dialog>
    </>
  );
}

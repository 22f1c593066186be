// "Load from URL": a button that opens a small native <dialog> with a URL field. Relative
// URLs are read from the app's own base. The page's CSP connect-src binds the page, not
// the engine worker, so other origins work when their server sends CORS headers.
import { useId, useRef, useState, type FormEvent } from 'react';
import { en } from '../i18n/en';
import { resolveDataUrl } from './load-messages';

export function LoadFromUrl({ baseUrl, onLoad }: { baseUrl: string; onLoad: (url: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState('');
  const id = useId();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get('url') ?? '');
    const url = resolveDataUrl(raw, baseUrl);
    if (!url) {
      setError(en.badUrl(raw));
      return;
    }
    setError('');
    e.currentTarget.reset();
    dialog.current?.close();
    onLoad(url);
  };
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {en.loadFromUrl}
      </button>
      <dialog ref={dialog} className="url-dialog" aria-labelledby={`${id}-title`} onClose={() => setError('')}>
        <form onSubmit={submit} noValidate>
          <h2 id={`${id}-title`}>{en.loadFromUrl}</h2>
          <label htmlFor={`${id}-url`}>{en.dataUrl}</label>
          {/* type="text", not "url": relative URLs are welcome here. */}
          <input id={`${id}-url`} name="url" type="text" inputMode="url" autoComplete="url" required
            placeholder="https://example.org/data.parquet" aria-describedby={`${id}-help ${id}-error`} />
          <p id={`${id}-help`} className="help">{en.urlHelp}</p>
          <p id={`${id}-error`} className="field-error" aria-live="polite">{error}</p>
          <div className="dialog-buttons">
            <button type="submit">{en.load}</button>
            <button type="button" onClick={() => dialog.current?.close()}>{en.cancel}</button>
          </div>
        </form>
      </dialog>
    </>
  );
}

// "Copy embed code": the <iframe> snippet for this page and step, to the clipboard; where the
// browser refuses, the snippet in a read-only field, selected, to copy by hand.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { embedSnippet, embedSrc } from '../embed';

export function EmbedCode({ title }: { title: string }) {
  const t = useT();
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (manual === null) return;
    field.current?.focus();
    field.current?.select();
  }, [manual]);
  const copy = async () => {
    // The link at the moment of copying: it holds the current story step.
    const code = embedSnippet(embedSrc(location.href), title);
    setStatus('');
    try {
      // Without a clipboard (an insecure context) the optional call rejects like a refusal.
      await (navigator.clipboard?.writeText(code) ?? Promise.reject());
      setManual(null);
      setStatus(t('public.embedCopied'));
    } catch {
      setManual(code);
      setStatus(t('public.embedManual'));
    }
  };
  return (
    <div className="embed-code">
      <button type="button" onClick={() => void copy()}>{t('public.embed')}</button>
      <p role="status" className="embed-status">{status}</p>
      {manual !== null && <textarea ref={field} readOnly value={manual} aria-label={t('public.embedCode')} rows={4} />}
    </div>
  );
}

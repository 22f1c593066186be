// Load errors in words a user can act on. The engine's messages name the file and the
// problem; fetch failures get the URL, the host and what CORS means spelled out.
import { t } from '../i18n';

export function isCancelled(err: unknown): boolean {
  return (err as Error | null)?.name === 'AbortError';
}

/** The alert text for a failed load; `url` is the absolute URL for loads from the network. */
export function explainLoadError(err: unknown, url?: string): string {
  const message = err instanceof Error ? err.message : String(err);
  if (url) {
    // platform-browser.ts: "could not fetch <url>: HTTP 404 Not Found" or "…: … (CORS)".
    const http = /^could not fetch .*: HTTP (\d{3}.*)$/.exec(message);
    if (http) return t(/^404\b/.test(http[1]) ? 'load.httpNotFound' : 'load.httpFailed', { url, status: http[1] });
    if (/^could not fetch /.test(message)) {
      const target = new URL(url);
      // Our own origin never needs CORS: then the server is simply not answering.
      return target.origin === location.origin ? t('load.unreachable', { url }) : t('load.corsFailed', { host: target.host, url });
    }
  }
  return t('load.failed', { message });
}

/** Resolve what the user typed against the app's base; null when it is no URL at all. */
export function resolveDataUrl(raw: string, baseUrl: string): string | null {
  try {
    const url = new URL(raw.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

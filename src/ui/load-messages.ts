// Load errors in words a user can act on. The engine's messages name the file and the
// problem; fetch failures get the URL, the host and what CORS means spelled out.
import { t } from '../i18n';

export function isCancelled(err: unknown): boolean {
  return (err as Error | null)?.name === 'AbortError';
}

/**
 * The alert text for a failed load; `url` is the absolute URL for loads from the network,
 * `asGiven` the path on this site a link named, when it was relative.
 */
export function explainLoadError(err: unknown, url?: string, asGiven?: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const idProblem = datasetIdProblem(err);
  if (idProblem) return idProblem;
  if (url) {
    // platform-browser.ts: "could not fetch <url>: HTTP 404 Not Found" or "…: … (CORS)".
    const http = /^could not fetch .*: HTTP (\d{3}.*)$/.exec(message);
    if (http && asGiven && /^404\b/.test(http[1])) return t('load.relativeNotFound', { path: asGiven, url, status: http[1] });
    if (http) return t(/^404\b/.test(http[1]) ? 'load.httpNotFound' : 'load.httpFailed', { url, status: http[1] });
    if (/^could not fetch /.test(message)) {
      const target = new URL(url);
      // Our own origin never needs CORS: then the server is simply not answering.
      return target.origin === location.origin ? t('load.unreachable', { url }) : t('load.corsFailed', { host: target.host, url });
    }
  }
  return t('load.failed', { message });
}

/** A load refused for its id (engine ingest/errors.ts datasetIdError), in the reader's words. */
function datasetIdProblem(err: unknown): string | null {
  if (!(err instanceof Error) || (err.name !== 'dataset-id-invalid' && err.name !== 'dataset-id-taken')) return null;
  // "<file>: dataset id "<id as JSON>" …"
  const m = /^(.*): dataset id ("(?:[^"\\]|\\.)*")/.exec(err.message);
  if (!m) return null;
  const id = JSON.parse(m[2]) as string;
  return t(err.name === 'dataset-id-taken' ? 'load.datasetIdTaken' : 'load.datasetIdInvalid', { file: m[1], id });
}

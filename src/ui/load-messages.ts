// Load errors in words a user can act on. The engine's failures are codes with parameters
// (src/engine/engine-error.ts) that name the file and the problem; fetch failures get the
// URL, the host and what CORS means spelled out.
import { engineFailure } from '../engine/engine-error';
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
  const failure = engineFailure(err);
  const code = failure?.code;
  // A load refused for its id (engine ingest/errors.ts datasetIdError), said of its file.
  if ((code === 'dataset-id-taken' || code === 'dataset-id-invalid') && failure?.subject !== undefined && failure.params?.id !== undefined) {
    const args = { file: failure.subject, id: String(failure.params.id) };
    return t(code === 'dataset-id-taken' ? 'load.datasetIdTaken' : 'load.datasetIdInvalid', args);
  }
  if (url) {
    // platform-browser.ts: the server answered with an HTTP error status ("404 Not Found"), or could not be read (CORS or unreachable).
    if (code === 'fetch-http') {
      const status = String(failure?.params?.status ?? '');
      const notFound = /^404\b/.test(status);
      if (notFound && asGiven) return t('load.relativeNotFound', { path: asGiven, url, status });
      return t(notFound ? 'load.httpNotFound' : 'load.httpFailed', { url, status });
    }
    if (code === 'fetch-unreachable') {
      const target = new URL(url);
      // Our own origin never needs CORS: then the server is simply not answering.
      return target.origin === location.origin ? t('load.unreachable', { url }) : t('load.corsFailed', { host: target.host, url });
    }
  }
  return t('load.failed', { message });
}

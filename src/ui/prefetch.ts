// Requests started by the entry chunk, before the view's own (large) chunk has loaded and
// run: the config, the published manifest and the published files of the config's visible
// layers with the HEAD checks of their data, which the analyst view's first frame waits for
// (issue 14). On a busy CPU each hop of that chain waits for a long frame, so it runs here,
// early. Each answer is taken once, by whoever fetches that URL first; anything else
// fetches as usual, so a prefetch that guessed wrong only costs a request.
type Method = 'GET' | 'HEAD';
const started = new Map<string, Promise<Response>>();
const key = (url: string, method: Method) => `${method} ${url}`;

export function prefetch(url: string, method: Method = 'GET'): Promise<Response> {
  const k = key(url, method);
  let p = started.get(k);
  if (!p) {
    p = fetch(url, { method });
    p.catch(() => {}); // taken and awaited later; this only keeps a failure from going unhandled
    started.set(k, p);
  }
  return p;
}

/** fetch(url), or the prefetched answer for it (once). */
export function fetchOnce(url: string, method: Method = 'GET'): Promise<Response> {
  const k = key(url, method);
  const p = started.get(k);
  if (!p) return fetch(url, { method });
  started.delete(k);
  return p;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const json = (p: Promise<Response>) => p.then((r) => (r.ok ? r.clone().json() : null)).catch(() => null) as Promise<unknown>;

/**
 * The first frame's files: the config and manifest, then the published file of each layer
 * the config does not hide, and the HEAD of its data files. Only read for their names here:
 * published-data.ts checks every file against its schema and hash as it takes it.
 */
export function prefetchFirstFrame(configUrl: string, manifestUrl: string): void {
  void Promise.all([json(prefetch(configUrl)), json(prefetch(manifestUrl))]).then(([config, manifest]) => {
    if (!isRecord(config) || !Array.isArray(config.layers) || !isRecord(manifest) || !isRecord(manifest.layers)) return;
    for (const layer of config.layers) {
      const entry = isRecord(layer) && layer.visible !== false && typeof layer.id === 'string' ? manifest.layers[layer.id] : null;
      if (!isRecord(entry) || typeof entry.file !== 'string') continue;
      prefetch(new URL(entry.file, configUrl).href);
      for (const d of Array.isArray(entry.data) ? entry.data : []) if (isRecord(d) && typeof d.url === 'string') prefetch(new URL(d.url, configUrl).href, 'HEAD');
    }
  });
}

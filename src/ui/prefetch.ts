// Requests started by the entry chunk, before the view's own (large) chunk has loaded and
// run: the config and the published manifest, which the analyst view's first frame waits
// for (issue 14). Each answer is taken once, by whoever fetches that URL first; anything
// else fetches as usual, so a prefetch that guessed the wrong URL only costs a request.
const started = new Map<string, Promise<Response>>();

export function prefetch(url: string): void {
  if (started.has(url)) return;
  const p = fetch(url);
  p.catch(() => {}); // taken and awaited later; this only keeps a failure from going unhandled
  started.set(url, p);
}

/** fetch(url), or the prefetched answer for it (once). */
export function fetchOnce(url: string): Promise<Response> {
  const p = started.get(url);
  if (!p) return fetch(url);
  started.delete(url);
  return p;
}

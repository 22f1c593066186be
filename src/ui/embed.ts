// Embedding in another site (?embed=1): which links the embedded page uses, and the
// <iframe> snippet the citizen view's "Copy embed code" hands out.

export const isEmbed = (search: string): boolean => new URLSearchParams(search).get('embed') === '1';

/** The same page, step and view, embedded: the link with embed=1. */
export function embedSrc(href: string): string {
  const url = new URL(href);
  url.searchParams.set('embed', '1');
  return url.href;
}

/** What "Explore the data" opens from a page: the analyst view, full page (no mode, no embed). */
export function analystHref(href: string, keepHash: boolean): string {
  const url = new URL(href);
  url.searchParams.delete('mode');
  url.searchParams.delete('embed');
  // The citizen view's hash is its story step, which the analyst view does not read.
  if (!keepHash) url.hash = '';
  return url.href;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The snippet as text. allow-same-origin stays: without it the frame's origin is opaque, and
 * MapLibre's worker and the page's same-origin fetches (config, tiles, published layers) fail.
 */
export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="480" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>`;
}

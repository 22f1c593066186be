// Export file names carry the dashboard, the layer and the date:
// citylens-nyc-311-animal-complaints-2025-hexagons-2026-12-02.csv.

const MAX_SLUG = 64;

/** Lower-case ASCII words joined by '-', cut at a word to at most 64 characters; 'untitled' when nothing is left. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= MAX_SLUG) return s || 'untitled';
  const cut = s.slice(0, MAX_SLUG + 1);
  const word = cut.lastIndexOf('-');
  return word > 0 ? cut.slice(0, word) : s.slice(0, MAX_SLUG);
}

/** The local calendar date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `<dashboard>-<layer>-<date>.<ext>`, the layer left out when the file is not about one. */
export function exportFileName(dashboard: string, layer: string | null, date: Date, ext: string): string {
  return [slug(dashboard), ...(layer === null ? [] : [slug(layer)]), isoDate(date)].join('-') + `.${ext}`;
}

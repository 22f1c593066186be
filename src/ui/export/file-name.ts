// Export file names carry the dashboard, the layer and the date:
// citylens-nyc-311-animal-complaints-2025-hexagons-2026-12-02.csv.

/** Lower-case ASCII words joined by '-', at most 48 characters; 'untitled' when nothing is left. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'untitled';
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

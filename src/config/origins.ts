// Which origin an address in a config or a link points at, and whether the dashboard lets
// the page read from it: its own origin, or one listed in connectOrigins.

/** An address with a scheme (`https:`, `javascript:`) or a network path (`//host/x`). */
export const isAbsoluteRef = (ref: string) => /^[a-z][a-z0-9+.-]*:/i.test(ref.trim()) || ref.trim().startsWith('//');

/** The origin of an absolute http(s) address (`//host/x` counts as https), or null for anything else. */
export function httpOrigin(ref: string): string | null {
  const trimmed = ref.trim();
  try {
    const url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether the page at `pageOrigin` may read from `origin` under `connectOrigins`. */
export function originAllowed(origin: string, connectOrigins: readonly string[], pageOrigin?: string): boolean {
  if (origin === pageOrigin) return true;
  return connectOrigins.some((o) => httpOrigin(o) === origin);
}

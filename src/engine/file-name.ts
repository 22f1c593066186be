/** The file name a URL or path names, without query or fragment ("a/b%20c.csv?x" → "b c.csv"); the input itself when it names none. */
export function fileNameOf(url: string): string {
  const last = url.replace(/[?#].*$/, '').replace(/^.*[\\/]/, '');
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}

import type { DataFormat } from '../protocol';

const EXTENSIONS: Record<string, DataFormat> = {
  parquet: 'parquet',
  geoparquet: 'parquet',
  pq: 'parquet',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  geojson: 'geojson',
  json: 'geojson',
  ndjson: 'geojson',
  geojsonl: 'geojson',
  geojsons: 'geojson',
  topojson: 'topojson',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
};

export function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(fileName.replace(/[?#].*$/, ''));
  return m ? m[1].toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * The format of a file, from its first bytes where they are telling (Parquet's PAR1,
 * Arrow's ARROW1 or stream continuation marker, JSON's brace) and its name otherwise.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): DataFormat | null {
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (startsWith(bytes, 'ARROW1')) return 'arrow';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) {
    return 'arrow';
  }
  const byName = EXTENSIONS[extensionOf(fileName)] ?? null;
  if (byName === 'geojson' || byName === 'topojson' || byName === null) {
    // Sniff JSON: TopoJSON declares "type":"Topology" near the start.
    let i = 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
    if (bytes[i] === 0x7b /* { */ || bytes[i] === 0x5b /* [ */) {
      const head = new TextDecoder().decode(bytes.subarray(i, i + 4096));
      if (/"type"\s*:\s*"Topology"/.test(head)) return 'topojson';
      return 'geojson';
    }
  }
  return byName;
}

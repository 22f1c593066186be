// PMTiles archives from the app's own origin (or a configured one) through MapLibre's
// `pmtiles://` protocol. The reader normally asks for byte ranges; some static servers
// (Python's http.server, some CDNs in some modes) ignore Range and answer 200 with the
// whole file. RangeFallbackSource notices that once, keeps that whole body, and serves
// every later read from it: one download instead of a broken basemap.
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';
import maplibregl from './maplibre';
import { t } from '../i18n';

export class RangeFallbackSource implements Source {
  /** The whole archive, once a server has shown it ignores Range. */
  private whole: Promise<ArrayBuffer> | null = null;
  /** True once the whole-file path is in use (for tests and diagnostics). */
  wholeFile = false;

  constructor(readonly url: string) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    if (this.whole) return { data: slice(await this.whole, offset, length) };
    const res = await fetch(this.url, { headers: { range: `bytes=${offset}-${offset + length - 1}` }, signal });
    if (res.status === 206) {
      return { data: await res.arrayBuffer(), etag: strongEtag(res), cacheControl: res.headers.get('cache-control') ?? undefined };
    }
    if (res.status === 200 || res.status === 416) {
      // 200: Range ignored, the body is the whole file; keep it. 416: the range ran past a
      // small file's end (some servers do not clamp); fetch it whole without a Range.
      this.wholeFile = true;
      const whole = (res.status === 200 ? res.arrayBuffer() : fetchWhole(this.url)).catch((err: unknown) => {
        this.whole = null; // let a later read try again
        throw err;
      });
      this.whole ??= whole;
      const data = await this.whole;
      console.info(`basemap: ${this.url} was served without HTTP Range support; read whole (${data.byteLength} B)`);
      return { data: slice(data, offset, length) };
    }
    throw new Error(t('common.httpError', { file: fileName(this.url), status: String(res.status) }));
  }
}

const fileName = (url: string) => new URL(url).pathname.split('/').pop() || url;

function slice(buf: ArrayBuffer, offset: number, length: number): ArrayBuffer {
  return buf.slice(offset, Math.min(offset + length, buf.byteLength));
}

async function fetchWhole(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(t('common.httpError', { file: fileName(url), status: String(res.status) }));
  return res.arrayBuffer();
}

/** Weak ETags cannot vouch for byte ranges; the pmtiles reader only wants strong ones. */
function strongEtag(res: Response): string | undefined {
  const etag = res.headers.get('etag');
  return etag && !etag.startsWith('W/') ? etag : undefined;
}

let protocol: Protocol | null = null;

/** Registers `pmtiles://` with MapLibre once and returns the archive for `url` (absolute). */
export function openPmtiles(url: string): PMTiles {
  if (!protocol) {
    protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  let archive = protocol.get(url);
  if (!archive) {
    archive = new PMTiles(new RangeFallbackSource(url));
    protocol.add(archive);
  }
  return archive;
}

// Reading what `npm run cli -- publish` wrote, beside the config: the manifest and one file
// per layer, each checked against its schema and against the hash of the config's spec, so
// a missing, unreadable or stale file is said plainly rather than drawn wrong.
import { MANIFEST_FILE, PUBLISHED_DIR, PublishManifest, PublishedLayer } from '../../config/published';
import { layerHash } from '../../config/dataset-time';
import type { DashboardConfig } from '../../config/dashboard';
import type { LayerSpec } from '../../config/layer';
import { sideHash, sideKey, type SideName, type SidePair } from '../../config/side-window';
import { t } from '../../i18n';
import { fetchOnce } from '../prefetch';

export type PublishedState =
  | { ok: true; layer: PublishedLayer }
  | { ok: false; reason: string };

/** The manifest, or null when the dashboard has none (nothing published yet). */
export async function readManifest(configUrl: string): Promise<PublishManifest | null> {
  const res = await fetchOnce(new URL(`${PUBLISHED_DIR}/${MANIFEST_FILE}`, configUrl).href).catch(() => null);
  if (!res?.ok) return null;
  const parsed = PublishManifest.safeParse(await res.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

/** A before/after side: the pair's windows and which side (its entry is keyed and hashed by them). */
export interface SideOf {
  pair: SidePair;
  side: SideName;
}

/**
 * A layer's published file, if it is there and matches the config's spec: the layer's own
 * entry, or a before/after side's, whose hash covers the pair's windows too.
 */
export async function readPublished(
  configUrl: string,
  manifest: PublishManifest | null,
  spec: LayerSpec,
  config: Pick<DashboardConfig, 'minCount' | 'time'>,
  side?: SideOf,
): Promise<PublishedState> {
  const key = side ? await sideKey(spec.id, side.pair, side.side) : spec.id;
  const entry = manifest?.layers[key];
  if (!entry) return { ok: false, reason: t('public.notPublished', { layer: spec.title }) };
  // The file is asked for with the checks, not after them: one round trip for the first frame.
  const file = fetchOnce(new URL(entry.file, configUrl).href).catch(() => null);
  const [hash, changed] = await Promise.all([
    side ? sideHash(spec, config.minCount, side.pair, side.side) : layerHash(spec, config),
    changedDataFile(configUrl, entry.data),
  ]);
  if (entry.hash !== hash) return { ok: false, reason: t('public.stale', { layer: spec.title }) };
  if (changed) return { ok: false, reason: t('public.dataChanged', { layer: spec.title, file: changed }) };
  const res = await file;
  if (!res?.ok) return { ok: false, reason: t('public.missing', { file: entry.file }) };
  const parsed = PublishedLayer.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return { ok: false, reason: t('public.unreadable', { file: entry.file }) };
  return { ok: true, layer: parsed.data };
}

/**
 * The first data file whose size or Last-Modified, where the host says them, differs from
 * what publish read; null when none does. A gzipped answer's length is not the file's size,
 * and a host that sends neither (as gzip hosts often don't) makes nothing stale.
 */
async function changedDataFile(configUrl: string, data: PublishManifest['layers'][string]['data']): Promise<string | null> {
  const heads = await Promise.all(data.map(async (d) => {
    const res = await head(new URL(d.url, configUrl).href);
    if (!res?.ok) return null;
    const length = res.headers.get('content-encoding') ? null : res.headers.get('content-length');
    const modified = res.headers.get('last-modified');
    const sizeDiffers = length !== null && Number(length) !== d.bytes;
    const dateDiffers = modified !== null && d.lastModified !== null && Date.parse(modified) !== Date.parse(d.lastModified);
    return sizeDiffers || dateDiffers ? d.url : null;
  }));
  return heads.find((u) => u !== null) ?? null;
}

/** One HEAD request per data file for the page: several layers read the same files. */
const heads = new Map<string, Promise<Response | null>>();
function head(url: string): Promise<Response | null> {
  let p = heads.get(url);
  if (!p) heads.set(url, (p = fetchOnce(url, 'HEAD').catch(() => null)));
  return p;
}

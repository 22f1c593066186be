// The one codec of the page URL: what a link holds (view, basemap, datasets, layers and
// their settings, annotations) as changes against the dashboard's config, in the hash:
//   #map=<zoom>/<lat>/<lon>[/<bearing>/<pitch>]&basemap=<id>&s=<payload>
// The view and basemap stay readable; the payload (datasets, layers, annotations) is JSON in base64url,
// deflated (CompressionStream) when that is shorter. Old links (MapLibre's #zoom/lat/lon,
// ?basemap=, ?data=) still read, and the app rewrites them in this form. Pure apart from
// the Compression Streams API, which browsers and Node both have.
import { t } from '../i18n/t';
import { readLinkAnnotations, type Annotation } from './annotations';
import type { LayerSpec } from './layer';
import { isEmptyTime, TimeState, type TimeStates } from './time-state';
import { diffLayers, type LayerChange } from './url-layers';
import type { View } from './view';

/** Where a dataset came from: a config or catalog entry, or a URL as given (relative or absolute). */
export type LinkSource = { entry: string } | { url: string };

/** Everything a link can say, each part absent where the page is as the config has it. */
export interface LinkState {
  view?: View;
  basemap?: string;
  sources?: LinkSource[];
  layers?: LayerChange[];
  /** Time states by dataset id, whole (each replaces the base's for its dataset). */
  time?: TimeStates;
  annotations?: Annotation[];
}

/** The page's whole state, and (as base) what it is without a link. */
export interface PageState {
  view: View;
  basemap: string;
  sources: LinkSource[];
  layers: LayerSpec[];
  /** Time states by dataset id; absent = none. */
  time?: TimeStates;
  /** Notes drawn on the map (none when absent); a config has none, so any are a change. */
  annotations?: Annotation[];
}

/** A link read: its state, problems with it (shown to the reader), and whether it was in an old form. */
export interface ReadLink {
  link: LinkState;
  problems: string[];
  legacy: boolean;
}

/** Search parameters of old links, replaced by the hash. */
const LEGACY_PARAMS = ['basemap', 'data'] as const;
/** A payload longer than this is tried deflated. */
const COMPRESS_OVER = 160;
/** A deflated payload may not inflate past this (a link is input). */
const MAX_PAYLOAD = 512 * 1024;
/** A link longer than this leaves the annotations out (browsers, mail and chat cut long links). */
export const MAX_LINK_WITH_ANNOTATIONS = 8000;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** The view as a link holds it: zoom to 0.01, centre to 1e-5° (about a metre), angles to 0.1°. */
export function roundView(v: View): View {
  const out: View = { center: [round(v.center[0], 5), round(v.center[1], 5)], zoom: round(v.zoom, 2) };
  const bearing = round(v.bearing ?? 0, 1);
  const pitch = round(v.pitch ?? 0, 1);
  if (bearing !== 0) out.bearing = bearing;
  if (pitch !== 0) out.pitch = pitch;
  return out;
}

/** The view as the link writes it: `zoom/lat/lon[/bearing/pitch]`, rounded. */
export function formatView(v: View): string {
  return viewText(roundView(v));
}

function viewText(v: View): string {
  const parts = [v.zoom, v.center[1], v.center[0]];
  if (v.bearing || v.pitch) parts.push(v.bearing ?? 0, v.pitch ?? 0);
  return parts.join('/');
}

/** `zoom/lat/lon[/bearing[/pitch]]` (MapLibre's hash order) as a view; null when it is not one. */
export function parseViewText(s: string): View | null {
  const parts = s.split('/');
  if (parts.length < 3 || parts.length > 5 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const [zoom, lat, lon, bearing = 0, pitch = 0] = parts.map(Number);
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 90 || Math.abs(lon) > 180 || Math.abs(bearing) > 180 || pitch < 0 || pitch > 85) return null;
  return roundView({ center: [lon, lat], zoom, bearing, pitch });
}

function sameView(a: View, b: View): boolean {
  return viewText(roundView(a)) === viewText(roundView(b));
}

const sourceText = (s: LinkSource) => ('entry' in s ? `e:${s.entry}` : `u:${s.url}`);
function sourceOf(s: unknown): LinkSource | null {
  if (typeof s !== 'string' || s.length < 3) return null;
  if (s.startsWith('e:')) return { entry: s.slice(2) };
  if (s.startsWith('u:')) return { url: s.slice(2) };
  return null;
}

// base64url of bytes, and back (atob/btoa exist in browsers and Node).
function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const bin = atob(s.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes).catch(() => {});
  void writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('payload too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The payload's text: `j` + base64url(JSON), or `z` + base64url(deflate-raw(JSON)) when shorter. */
export async function encodePayload(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const plain = `j${toBase64Url(bytes)}`;
  if (plain.length <= COMPRESS_OVER) return plain;
  const packed = `z${toBase64Url(await through(bytes, new CompressionStream('deflate-raw')))}`;
  return packed.length < plain.length ? packed : plain;
}

/** The payload's value; throws on anything that is not one. */
export async function decodePayload(text: string): Promise<unknown> {
  const bytes = fromBase64Url(text.slice(1));
  if (text[0] === 'j') return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  if (text[0] === 'z') {
    const raw = await through(bytes, new DecompressionStream('deflate-raw'), MAX_PAYLOAD);
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  }
  throw new Error('unknown payload form');
}

const timeText = (s: TimeState | undefined) => (s && !isEmptyTime(s) ? JSON.stringify(s) : '');

/** The datasets whose time state differs from the base's, each whole ({} where the link clears it); null when none does. */
function diffTime(base: TimeStates, state: TimeStates): TimeStates | null {
  const out: TimeStates = {};
  for (const id of new Set([...Object.keys(base), ...Object.keys(state)])) {
    if (timeText(base[id]) !== timeText(state[id])) out[id] = state[id] && !isEmptyTime(state[id]) ? state[id] : {};
  }
  return Object.keys(out).length ? out : null;
}

/** The link's time states: each one checked by the schema; one that fails is dropped and said. */
function readTime(value: unknown, problems: string[]): TimeStates {
  const out: TimeStates = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(t('link.badTime', { n: 1 }));
    return out;
  }
  let bad = 0;
  for (const [id, s] of Object.entries(value)) {
    const parsed = TimeState.safeParse(s);
    if (parsed.success) out[id] = parsed.data;
    else bad++;
  }
  if (bad) problems.push(t('link.badTime', { n: bad }));
  return out;
}

function sameSources(a: readonly LinkSource[], b: readonly LinkSource[]): boolean {
  return a.length === b.length && a.every((s, i) => sourceText(s) === sourceText(b[i]));
}

/** The hash (`#…`, or '' when the page is as its config has it) for `state` against `base`. */
export async function encodeLink(state: PageState, base: PageState, withAnnotations = true): Promise<string> {
  const params: string[] = [];
  if (!sameView(state.view, base.view)) params.push(`map=${viewText(roundView(state.view))}`);
  if (state.basemap !== base.basemap) params.push(`basemap=${encodeURIComponent(state.basemap)}`);
  const payload: { d?: string[]; l?: LayerChange[]; t?: TimeStates; a?: Annotation[] } = {};
  if (!sameSources(state.sources, base.sources)) payload.d = state.sources.map(sourceText);
  // Layers are compared with the base built from the datasets the link loads.
  const layers = diffLayers(base.layers, state.layers);
  if (layers) payload.l = layers;
  const time = diffTime(base.time ?? {}, state.time ?? {});
  if (time) payload.t = time;
  if (withAnnotations && state.annotations?.length) payload.a = state.annotations;
  if (payload.d || payload.l || payload.t || payload.a) params.push(`s=${await encodePayload(payload)}`);
  return params.length ? `#${params.join('&')}` : '';
}

/**
 * The page URL `href` with `state` in it: with its annotations while that stays within
 * MAX_LINK_WITH_ANNOTATIONS characters, else without them (`annotationsLeftOut`).
 */
export async function writeLink(href: string, state: PageState, base: PageState): Promise<{ href: string; annotationsLeftOut: boolean }> {
  const full = linkHref(href, await encodeLink(state, base));
  if (full.length <= MAX_LINK_WITH_ANNOTATIONS || !state.annotations?.length) return { href: full, annotationsLeftOut: false };
  return { href: linkHref(href, await encodeLink(state, base, false)), annotationsLeftOut: true };
}

/** The page URL with `hash` as its state: old links' search parameters go, others (?config=) stay. */
export function linkHref(href: string, hash: string): string {
  const url = new URL(href);
  for (const p of LEGACY_PARAMS) url.searchParams.delete(p);
  url.hash = hash;
  // An empty hash would leave a bare '#'.
  return hash ? url.href : url.href.replace(/#$/, '');
}

/** What the URL `href` says, in this form or an old one. */
export async function readLink(href: string): Promise<ReadLink> {
  const url = new URL(href);
  const link: LinkState = {};
  const problems: string[] = [];
  let legacy = false;
  const hash = url.hash.replace(/^#/, '');
  const oldView = parseViewText(hash);
  if (oldView) {
    link.view = oldView;
    legacy = true;
  } else if (hash) {
    const params = new URLSearchParams(hash);
    const map = params.get('map');
    if (map !== null) {
      const view = parseViewText(map);
      if (view) link.view = view;
      else problems.push(t('link.badView', { view: map }));
    }
    const basemap = params.get('basemap');
    if (basemap) link.basemap = basemap;
    const s = params.get('s');
    if (s) {
      try {
        const value = await decodePayload(s);
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
        const { d, l, t: time, a } = value as { d?: unknown; l?: unknown; t?: unknown; a?: unknown };
        if (Array.isArray(d)) {
          const sources = d.map(sourceOf);
          link.sources = sources.filter((x): x is LinkSource => x !== null);
          if (link.sources.length < sources.length) problems.push(t('link.badSource', { n: sources.length - link.sources.length }));
        }
        if (time !== undefined) link.time = readTime(time, problems);
        if (a !== undefined) {
          const read = readLinkAnnotations(a);
          link.annotations = read.annotations;
          problems.push(...read.problems);
        }
        if (Array.isArray(l)) link.layers = l.filter((x): x is LayerChange => typeof x === 'string' || (!!x && typeof x === 'object' && !Array.isArray(x)));
      } catch {
        problems.push(t('link.unreadable'));
      }
    }
  }
  const oldBasemap = url.searchParams.get('basemap');
  if (oldBasemap !== null) {
    legacy = true;
    link.basemap ??= oldBasemap;
  }
  const data = url.searchParams.getAll('data');
  if (data.length) {
    legacy = true;
    link.sources ??= data.map((u) => ({ url: u }));
  }
  return { link, problems, legacy };
}

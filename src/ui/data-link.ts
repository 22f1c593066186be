// Links are input: a data address from the page URL (?data=) or the Load from URL dialog is
// checked before anything is fetched. Only http(s) addresses and paths on this site load;
// a script, a data: URL or another scheme each get their own plain message, and so does an
// origin the dashboard's connectOrigins does not allow (the page's CSP would block it: the
// publisher's list, not the far server's CORS, is the reason).
import { CONFIG_FILE } from '../config/dashboard';
import { originAllowed } from '../config/origins';
import { t } from '../i18n';

/** A data address the page may fetch (absolute), or why not. */
export type DataLink = { ok: true; url: string; relative: boolean } | { ok: false; message: string };

/** Where the link is read: the app's base, the page's origin and, to check origins, the dashboard's connectOrigins. */
export interface LinkContext {
  baseUrl: string;
  pageOrigin: string;
  /** Absent: only the scheme is checked (the origin is checked when the load starts). */
  connectOrigins?: readonly string[];
  /** The config file's name, for the message that says where connectOrigins lives. */
  configFile?: string;
}

/** A long address shortened for a message (data: URLs can be megabytes). */
const shown = (s: string) => (s.length > 60 ? t('link.shortened', { start: s.slice(0, 57) }) : s);

/** Checks a data address as typed or linked; fetches nothing. */
export function checkDataLink(raw: string, context: LinkContext): DataLink {
  // As the URL parser does: tabs and newlines anywhere are dropped, spaces at the ends trimmed
  // (so "java\tscript:" is seen for the script it is).
  const ref = raw.replace(/[\t\n\r]/g, '').trim();
  if (!ref) return { ok: false, message: t('link.empty') };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(ref)?.[1].toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return { ok: false, message: t('link.script', { url: shown(ref) }) };
  if (scheme === 'data') return { ok: false, message: t('link.dataScheme', { url: shown(ref) }) };
  if (scheme && scheme !== 'http' && scheme !== 'https') return { ok: false, message: t('link.scheme', { url: shown(ref), scheme: `${scheme}:` }) };
  let url: URL;
  try {
    url = new URL(ref, context.baseUrl);
  } catch {
    return { ok: false, message: t('load.badUrl', { url: shown(ref) }) };
  }
  if (url.protocol === 'http:' && context.pageOrigin.startsWith('https:')) return { ok: false, message: t('link.insecure', { url: url.href }) };
  if (context.connectOrigins && !originAllowed(url.origin, context.connectOrigins, context.pageOrigin)) {
    return { ok: false, message: t('link.originNotAllowed', { url: url.href, origin: url.origin, file: context.configFile ?? CONFIG_FILE }) };
  }
  return { ok: true, url: url.href, relative: !scheme && !ref.startsWith('//') };
}

// Numbers, sizes and dates for people to read, in the active locale: the one place the UI,
// the map and the legends format them. Exports (CSV, config files) never come through here:
// they must not follow the reader's locale (a Danish UI writes decimal commas).
import { intlLocale } from './locale';
import { t } from './t';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl.NumberFormat for the active locale and these options, made once. */
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = intlLocale();
  const id = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** Intl.DateTimeFormat for the active locale, a time zone and these options, made once. */
function dateFormat(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale();
  const id = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let format = dateFormats.get(id);
  if (!format) dateFormats.set(id, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

/** A whole number with the locale's grouping: 1798339 → "1,798,339" (rounded if not whole). */
export function formatInteger(n: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(n);
}

/**
 * A measured value, shortened: at most `significant` significant digits (legend breaks) or at
 * most `fraction` decimals (tooltips), with the locale's grouping and decimal sign.
 */
export function formatNumber(n: number, digits: { significant: number } | { fraction: number }): string {
  return numberFormat(
    'significant' in digits ? { maximumSignificantDigits: digits.significant } : { maximumFractionDigits: digits.fraction },
  ).format(n);
}

/** Exactly `fraction` decimals, like toFixed but in the locale: coordinates, seconds. */
export function formatFixed(n: number, fraction: number): string {
  return numberFormat({ minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(n);
}

/** A share (0.25) as a percentage ("25%"), with at most `fraction` decimals (default 0). */
export function formatPercent(share: number, fraction = 0): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: fraction }).format(share);
}

/** A size in bytes in binary units: "512 B", "164.6 KiB", "15.6 MiB", "1.25 GiB". */
export function formatBytes(n: number): string {
  // No grouping: a size stays under 1024 of its unit, and "1023.9 KiB" reads as a size.
  const fixed = (v: number, fraction: number) =>
    numberFormat({ minimumFractionDigits: fraction, maximumFractionDigits: fraction, useGrouping: false }).format(v);
  if (n < 1024) return t('units.bytes', { n: fixed(n, 0) });
  if (n < 1024 ** 2) return t('units.kib', { n: fixed(n / 1024, 1) });
  if (n < 1024 ** 3) return t('units.mib', { n: fixed(n / 1024 ** 2, 1) });
  return t('units.gib', { n: fixed(n / 1024 ** 3, 2) });
}

/** Items as a list in the locale's words, without "and": "A, B, C" (Intl.ListFormat, unit style). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(), { style: 'long', type: 'unit' }).format(items);
}

/** A calendar date on the clock of `timeZone` (an IANA zone, or 'UTC'): "Mar 1, 2024". */
export function formatDate(date: Date | number, timeZone: string): string {
  return dateFormat(timeZone, { dateStyle: 'medium' }).format(date);
}

/** A date and time on the clock of `timeZone`: "Mar 1, 2024, 8:30 AM". */
export function formatDateTime(date: Date | number, timeZone: string): string {
  return dateFormat(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A change in percent with its sign ("+3.3 %", "−1.2 %"), at most `significant` digits. */
export function formatSignedPercent(percent: number, significant = 2): string {
  return numberFormat({ maximumSignificantDigits: significant, signDisplay: 'exceptZero', style: 'percent' }).format(percent / 100);
}

/** A boolean as an ICU select key. */
export function yesNo(b: boolean): 'yes' | 'no' {
  return b ? 'yes' : 'no';
}

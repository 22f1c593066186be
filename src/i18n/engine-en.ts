// English wording of the engine's message codes (src/engine/messages.ts), and of the
// values the engine leaves for the UI to name (an unnamed feature, the shared category
// of every other value). To be folded into the English ICU catalogue as `engine.<code>`.
import type { EngineMessage, MessageParams } from '../engine/messages';

const integer = new Intl.NumberFormat('en-US');
/** A count parameter with en-US digit grouping (1,234). */
const count = (p: MessageParams, key = 'n') => integer.format(Number(p[key]));

/** Each code's English sentence, from its parameters. */
export const ENGINE_EN: Record<string, (p: MessageParams) => string> = {
  'rows-without-coordinates': (p) => `${count(p)} rows without coordinates`,
  'wkt-unreadable': (p) => `${count(p)} values of "${p.column}" are not readable WKT`,
  'geometries-unreadable': (p) => `${count(p)} geometries could not be read`,
  'geometries-undecodable': (p) => `${count(p)} geometries could not be decoded`,
  'multipoints-first-point': (p) => `${count(p)} MultiPoint features are shown at their first point`,
  'columns-disagree-with-geometry': (p) =>
    `Columns "${p.lon}"/"${p.lat}" do not match the geometry column "${p.column}"; positions come from the geometry`,
  'sampled-geometries-unusable': (p) => `${count(p)} sampled geometries are unusable`,
  'csv-not-utf8': () => 'The file is not UTF-8; it was read as Windows-1252 (Latin-1) text',
  'timestamps-unparsed': (p) => `${p.column}: ${count(p)} values could not be read as timestamps (left empty)`,
  'timestamps-mixed-offsets': (p) =>
    `${p.column}: some values have a UTC offset and some do not; values without one were taken as UTC`,
  'dates-ambiguous': (p) =>
    `${p.column}: dates like ${p.example} could be month/day or day/month; read as ${p.order === 'dmy' ? 'day/month' : 'month/day'} (${p.format}). Choose the other in the load options if that is wrong`,
  'feature-unnamed': (p) => `Feature ${p.n}`,
  'category-other': () => 'Other',
};

/** An engine message in English; an unknown code is shown as itself. */
export function engineMessageText(m: EngineMessage): string {
  const word = ENGINE_EN[m.code];
  return word ? word(m.params ?? {}) : m.code;
}

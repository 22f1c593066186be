// Where in the user's text DuckDB says a statement went wrong. DuckDB words a position
// as "LINE n: <the line, perhaps cut with ...>" and a caret under it; this maps that back
// to a range of the user's own text (the statement may have been wrapped, adding lines
// before it), and splits the message from the picture.
import type { TextRange } from '../protocol';

/** DuckDB's message without its "LINE n:" picture, and the range it points at (null when it names none). */
export interface DuckDBError {
  detail: string;
  range: TextRange | null;
}

const LINE = /\n\s*LINE (\d+): (.*)\n( *)\^/;

/** The start offset of each line of `text`. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

/** The range of the word, quoted string or name (else the single character) at `at` in `text`. */
function wordAt(text: string, at: number): TextRange {
  const q = text[at];
  if (q === "'" || q === '"') {
    const close = text.indexOf(q, at + 1);
    return { from: at, to: close > at ? close + 1 : at + 1 };
  }
  let to = at;
  while (to < text.length && /[\p{L}\p{N}_$]/u.test(text[to])) to++;
  return { from: at, to: Math.max(to, Math.min(at + 1, text.length)) };
}

/** DuckDB's error as JSON, which some errors (the parser's) arrive as. */
interface ErrorJson {
  exception_type?: string;
  exception_message?: string;
  position?: string;
}

function parseJson(message: string): ErrorJson | null {
  if (!message.startsWith('{')) return null;
  try {
    const o = JSON.parse(message) as ErrorJson;
    return typeof o.exception_message === 'string' ? o : null;
  } catch {
    return null;
  }
}

/** The UTF-16 offset of UTF-8 byte `byte` of `text`. */
function charAtByte(text: string, byte: number): number {
  let b = 0;
  let i = 0;
  while (i < text.length && b < byte) {
    const code = text.codePointAt(i)!;
    b += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return i;
}

/**
 * Map DuckDB's error `message` for a statement DuckDB ran as `prefix` (ASCII, the
 * wrapper around a query; '' for none) followed by the user's text `text`.
 */
export function duckdbError(message: string, text: string, prefix: string): DuckDBError {
  const json = parseJson(message);
  if (json) {
    const inner = duckdbError(json.exception_message!, text, prefix);
    const detail = json.exception_type ? `${json.exception_type} Error: ${inner.detail}` : inner.detail;
    if (json.position === undefined || inner.range) return { detail, range: inner.range };
    const at = Number(json.position) - prefix.length;
    if (!(at >= 0)) return { detail, range: null };
    const char = charAtByte(text, at);
    return { detail, range: char >= text.length ? endOf(text) : wordAt(text, char) };
  }
  const linesBefore = prefix.split('\n').length - 1;
  const cut = message.search(/\n\s*LINE \d+: /);
  const detail = (cut >= 0 ? message.slice(0, cut) : message).trim();
  const m = LINE.exec(message);
  // "syntax error at end of input" says where without a picture.
  if (!m) return { detail, range: /end of input/.test(detail) ? endOf(text) : null };
  const starts = lineStarts(text);
  const line = Number(m[1]) - 1 - linesBefore;
  if (line < 0) return { detail, range: null };
  // Past the user's last line: the wrapper's closing line, so the text ended too early.
  if (line >= starts.length) return { detail, range: endOf(text) };
  const indicator = `LINE ${m[1]}: `.length;
  let snippet = m[2];
  let column = m[3].length - indicator;
  const cutStart = snippet.startsWith('...');
  if (cutStart) {
    snippet = snippet.slice(3);
    column -= 3;
  }
  if (snippet.endsWith('...')) snippet = snippet.slice(0, -3);
  const lineText = text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] - 1 : text.length);
  const found = cutStart ? lineText.indexOf(snippet) : 0;
  const at = starts[line] + Math.max(0, found) + Math.max(0, column);
  if (at >= text.length || (line + 1 < starts.length && at >= starts[line + 1])) return { detail, range: endOf(text) };
  return { detail, range: wordAt(text, at) };
}

/** The last word (else character) of `text`, where "unexpected end" errors point. */
function endOf(text: string): TextRange | null {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (i < 0) return null;
  let from = i;
  while (from > 0 && /[\p{L}\p{N}_$]/u.test(text[from - 1]) && /[\p{L}\p{N}_$]/u.test(text[i])) from--;
  return { from, to: i + 1 };
}

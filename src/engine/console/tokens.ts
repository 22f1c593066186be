// DuckDB's own tokenizer output (bindings.tokenize: byte offsets and token types) as
// tokens over the JS string: the statement classifier reads these, never a regex over
// the text, so strings, quoted names, comments and dollar quoting are DuckDB's business.
import type { TextRange } from '../protocol';

/** DuckDB's token types (duckdb-wasm's TokenType). */
export const TOKEN = { identifier: 0, number: 1, string: 2, operator: 3, keyword: 4, comment: 5 } as const;

/** What bindings.tokenize returns: UTF-8 byte offsets of each token's start, and its type. */
export interface ScriptTokens {
  offsets: number[];
  types: number[];
}

/** One token: where it starts and ends in the JS string, its type, and its word. */
export interface Token {
  type: number;
  /** UTF-16 offsets of the token itself (trailing space and comments excluded). */
  from: number;
  to: number;
  /**
   * The token's word: keywords and plain names in lower case (DuckDB folds them), quoted
   * names unquoted as written; an operator's own characters.
   */
  word: string;
  /** Whether the token is a double-quoted name. */
  quoted: boolean;
}

/** UTF-16 index of each UTF-8 byte offset in `offsets` (sorted ascending). */
function byteToCharOffsets(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let byte = 0;
  let char = 0;
  for (const target of offsets) {
    while (byte < target && char < text.length) {
      const code = text.codePointAt(char)!;
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      char += code >= 0x10000 ? 2 : 1;
    }
    out.push(char);
  }
  return out;
}

/** The extent of a token that starts at `from` (its span runs to the next token at most). */
function tokenEnd(text: string, from: number, limit: number, type: number): number {
  const c = text[from];
  if (c === '"' || c === "'") {
    // Quoted: up to the closing quote (a doubled quote is one character of the name).
    for (let i = from + 1; i < limit; i++) {
      if (text[i] === c) {
        if (text[i + 1] === c) i++;
        else return i + 1;
      }
    }
    return limit;
  }
  if (type === TOKEN.operator) return from + 1 <= limit && '(),.;'.includes(c) ? from + 1 : trimmedEnd(text, from, limit);
  return trimmedEnd(text, from, limit);
}

/** The end of the first run of non-space characters after `from`, before `limit`. */
function trimmedEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !/\s/.test(text[i]) && !(i > from && text.startsWith('--', i)) && !(i > from && text.startsWith('/*', i))) i++;
  return i;
}

/** Tokens of `text` from DuckDB's tokenizer output for it. */
export function tokensOf(text: string, script: ScriptTokens): Token[] {
  const starts = byteToCharOffsets(text, script.offsets);
  return starts.map((from, i) => {
    const type = script.types[i];
    const limit = i + 1 < starts.length ? starts[i + 1] : text.length;
    const to = tokenEnd(text, from, limit, type);
    const raw = text.slice(from, to);
    const quoted = raw.startsWith('"');
    const word = quoted ? raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined).replaceAll('""', '"') : type === TOKEN.string ? raw : raw.toLowerCase();
    return { type, from, to, word, quoted };
  });
}

/** The range of tokens [first, last]. */
export function spanOf(first: Token, last: Token = first): TextRange {
  return { from: first.from, to: last.to };
}

/** Whether `t` is the operator `op` ('(', ')', ',', '.', ';'). */
export function isOp(t: Token | undefined, op: string): boolean {
  return t !== undefined && t.type === TOKEN.operator && t.word === op;
}

/** Whether `t` is one of these keywords (lower case); quoted names never are. */
export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && !t.quoted && t.type !== TOKEN.string && words.includes(t.word);
}

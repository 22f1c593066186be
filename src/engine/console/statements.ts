// Which user statements the console runs, decided over DuckDB's own tokens (tokens.ts):
// one statement only; queries (SELECT, WITH, FROM-first, VALUES, TABLE, PIVOT, DESCRIBE,
// SHOW, SUMMARIZE), EXPLAIN of a query, and CREATE TABLE/VIEW in schema scratch. Every
// other statement is refused with a code of its own. Queries are then run inside
// `FROM ( … )`, where DuckDB's grammar itself admits nothing but a query.
import type { MessageParams } from '../messages';
import type { TextRange } from '../protocol';
import { TOKEN, isOp, isWord, spanOf, type Token } from './tokens';

/** The schema where the console may create tables and views. */
export const SCRATCH_SCHEMA = 'scratch';

/** The in-memory database's catalog name, accepted as the first part of scratch.name. */
const CATALOG = 'memory';

/** A statement the console runs. `end` is where it ends in the text (its ';' or the end). */
export type Allowed =
  | { ok: true; kind: 'query' | 'explain'; end: number }
  | { ok: true; kind: 'create'; end: number; target: { schema: string; name: string; kind: 'table' | 'view' } };

/** A statement the console refuses, with a message code (console-refused-*) and where. */
export interface Refused {
  ok: false;
  code: string;
  params?: MessageParams;
  range: TextRange | null;
}

/** Statements refused by their first word, each with its own message. */
const REFUSED_BY_WORD: Record<string, string> = {
  drop: 'console-refused-drop',
  alter: 'console-refused-alter',
  install: 'console-refused-install',
  force: 'console-refused-install',
  load: 'console-refused-load',
  attach: 'console-refused-attach',
  detach: 'console-refused-attach',
  use: 'console-refused-attach',
  set: 'console-refused-set',
  reset: 'console-refused-set',
  pragma: 'console-refused-pragma',
  call: 'console-refused-pragma',
  copy: 'console-refused-copy',
  export: 'console-refused-export',
  import: 'console-refused-export',
  insert: 'console-refused-write',
  update: 'console-refused-write',
  delete: 'console-refused-write',
  merge: 'console-refused-write',
  truncate: 'console-refused-write',
};

/** First words of a query: DuckDB parses these as a SELECT statement. */
const QUERY_WORDS = ['select', 'from', 'values', 'table', 'pivot', 'unpivot', 'pivot_wider', 'pivot_longer', 'describe', 'show', 'summarize'];

/** Main-statement words after a WITH clause. */
const AFTER_WITH = ['select', 'from', 'values', 'table', 'pivot', 'unpivot', 'insert', 'update', 'delete', 'merge'];

const refuse = (code: string, range: TextRange | null, params?: MessageParams): Refused => (params ? { ok: false, code, params, range } : { ok: false, code, range });

/** The statements of the text: token runs between ';' operators, empty ones left out. */
function statements(tokens: Token[]): { tokens: Token[]; end: number | null }[] {
  const out: { tokens: Token[]; end: number | null }[] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    if (isOp(t, ';')) {
      if (current.length) out.push({ tokens: current, end: t.from });
      current = [];
    } else current.push(t);
  }
  if (current.length) out.push({ tokens: current, end: null });
  return out;
}

/** Decide what to do with `text`, given DuckDB's tokens of it. */
export function classifyStatement(text: string, tokens: Token[]): Allowed | Refused {
  const all = statements(tokens);
  if (all.length === 0) return refuse('console-refused-empty', null);
  if (all.length > 1) {
    const second = all[1].tokens;
    return refuse('console-refused-multiple', spanOf(second[0], second[second.length - 1]), { count: all.length });
  }
  const { tokens: ts, end } = all[0];
  const kind = classifyTokens(ts);
  if (!kind.ok) return kind;
  const stop = end ?? text.length;
  return kind.kind === 'create' ? { ...kind, end: stop } : { ok: true, kind: kind.kind, end: stop };
}

type Kind = { ok: true; kind: 'query' | 'explain' } | { ok: true; kind: 'create'; target: { schema: string; name: string; kind: 'table' | 'view' } } | Refused;

/** The kind of one statement's tokens. */
function classifyTokens(ts: Token[]): Kind {
  const first = ts[0];
  if (isOp(first, '(')) return { ok: true, kind: 'query' };
  if (first.type !== TOKEN.keyword || first.quoted) return refuse('console-refused-statement', spanOf(first), { keyword: first.word });
  const word = first.word;
  if (QUERY_WORDS.includes(word)) return { ok: true, kind: 'query' };
  if (word === 'with') return withMain(ts);
  if (word === 'explain') {
    let at = 1;
    if (isWord(ts[at], 'analyze', 'analyse')) at++;
    if (isOp(ts[at], '(')) at = skipParens(ts, at);
    if (at >= ts.length) return refuse('console-refused-explain', spanOf(first));
    const inner = classifyTokens(ts.slice(at));
    if (!inner.ok) return inner;
    if (inner.kind !== 'query') return refuse('console-refused-explain', spanOf(ts[at]));
    return { ok: true, kind: 'explain' };
  }
  if (word === 'create') return create(ts);
  const code = REFUSED_BY_WORD[word];
  return refuse(code ?? 'console-refused-statement', spanOf(first), code ? undefined : { keyword: word });
}

/** Index after the parenthesised group that opens at `at`. */
function skipParens(ts: Token[], at: number): number {
  let depth = 0;
  for (let i = at; i < ts.length; i++) {
    if (isOp(ts[i], '(')) depth++;
    else if (isOp(ts[i], ')') && --depth === 0) return i + 1;
  }
  return ts.length;
}

/** A WITH clause's main statement: the first statement word outside every parenthesis. */
function withMain(ts: Token[]): Kind {
  let depth = 0;
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i];
    if (isOp(t, '(')) {
      // A parenthesised main query right after the last common table expression.
      if (depth === 0 && isOp(ts[i - 1], ')')) return { ok: true, kind: 'query' };
      depth++;
    } else if (isOp(t, ')')) depth--;
    else if (depth === 0 && isWord(t, ...AFTER_WITH)) {
      const code = REFUSED_BY_WORD[t.word];
      return code ? refuse(code, spanOf(t)) : { ok: true, kind: 'query' };
    }
  }
  // No main statement found: DuckDB's parser will say what is wrong inside FROM ( … ).
  return { ok: true, kind: 'query' };
}

/** CREATE [OR REPLACE] TABLE|VIEW [IF NOT EXISTS] scratch.name [(…)] [AS query]. */
function create(ts: Token[]): Kind {
  let at = 1;
  if (isWord(ts[at], 'or') && isWord(ts[at + 1], 'replace')) at += 2;
  if (isWord(ts[at], 'temp', 'temporary')) return refuse('console-refused-schema', spanOf(ts[at]), { schema: SCRATCH_SCHEMA });
  if (!isWord(ts[at], 'table', 'view')) return refuse('console-refused-create', spanOf(ts[0], ts[at] ?? ts[0]), { schema: SCRATCH_SCHEMA });
  const kind = ts[at].word as 'table' | 'view';
  at++;
  if (isWord(ts[at], 'if') && isWord(ts[at + 1], 'not') && isWord(ts[at + 2], 'exists')) at += 3;
  // The qualified name: parts separated by '.'.
  const parts: Token[] = [];
  while (at < ts.length && ts[at].type !== TOKEN.operator && ts[at].type !== TOKEN.string) {
    parts.push(ts[at++]);
    if (!isOp(ts[at], '.')) break;
    at++;
  }
  if (parts.length === 0) return refuse('console-refused-create', spanOf(ts[0], ts[at - 1]), { schema: SCRATCH_SCHEMA });
  const names = parts.map((p) => (p.quoted ? p.word.toLowerCase() : p.word));
  const inScratch =
    (parts.length === 2 && names[0] === SCRATCH_SCHEMA) || (parts.length === 3 && names[0] === CATALOG && names[1] === SCRATCH_SCHEMA);
  if (!inScratch) return refuse('console-refused-schema', spanOf(parts[0], parts[parts.length - 1]), { schema: SCRATCH_SCHEMA });
  const target = { schema: SCRATCH_SCHEMA, name: parts[parts.length - 1].word, kind };
  if (isOp(ts[at], '(')) at = skipParens(ts, at);
  if (isWord(ts[at], 'as')) {
    if (at + 1 >= ts.length) return refuse('console-refused-create', spanOf(ts[at]), { schema: SCRATCH_SCHEMA });
    const body = classifyTokens(ts.slice(at + 1));
    if (!body.ok) return body;
    if (body.kind !== 'query') return refuse('console-refused-create', spanOf(ts[at + 1]), { schema: SCRATCH_SCHEMA });
  }
  return { ok: true, kind: 'create', target };
}

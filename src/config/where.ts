// The `--where` grammar, `<column><op><value>`, shared by the CLI (--where, --share-where)
// and the layer panel's share condition: text in, a structured filter out, never SQL.
import type { AggregateFilter } from '../engine/protocol';

/** A clause before the column's type is known. */
export interface WhereClause {
  column: string;
  op: '=' | '!=' | '<' | '<=' | '>' | '>=';
  text: string;
}

/** Thrown for text that is not a clause, or a value that does not fit its column; the message says how to write it. */
export class WhereError extends Error {}

const WHERE = /^(.+?)(>=|<=|!=|=|<|>)(.*)$/s;

/** Parse `<column><op><value>`; op is one of = != < <= > >=. */
export function parseWhere(text: string): WhereClause {
  const m = WHERE.exec(text);
  if (!m || !m[1].trim()) throw new WhereError(`"${text}" is not <column><op><value> with op one of = != < <= > >=`);
  return { column: m[1].trim(), op: m[2] as WhereClause['op'], text: m[3] };
}

/** Split a = / != list on commas, `\,` being a literal comma. */
export function splitList(text: string): string[] {
  return text.split(/(?<!\\),/).map((v) => v.replaceAll('\\,', ',').trim());
}

/** A clause as a filter once its column's kind ('number', 'boolean', 'string', …) is known. */
export function whereToFilter(w: WhereClause, kind: string): AggregateFilter {
  const numeric = (v: string) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new WhereError(`${w.column}${w.op}${w.text}: "${v}" is not a number`);
    return n;
  };
  if (w.op === '=' || w.op === '!=') {
    const values = splitList(w.text).map((v): string | number | boolean => {
      if (kind === 'number') return numeric(v);
      if (kind === 'boolean') {
        if (!/^(true|false)$/i.test(v)) throw new WhereError(`${w.column}: "${v}" is not true or false`);
        return v.toLowerCase() === 'true';
      }
      return v;
    });
    return { kind: 'in', column: w.column, values, not: w.op === '!=' };
  }
  if (kind !== 'number') throw new WhereError(`${w.column}${w.op}…: ${w.op} needs a numeric column`);
  const v = numeric(w.text);
  if (w.op === '<' || w.op === '<=') return { kind: 'range', column: w.column, max: v, maxExclusive: w.op === '<' };
  return { kind: 'range', column: w.column, min: v, minExclusive: w.op === '>' };
}

/** A range or in filter written back in the grammar (for the settings field and links). */
export function filterToWhere(f: AggregateFilter): string {
  if (f.kind === 'in') return `${f.column}${f.not ? '!=' : '='}${f.values.map((v) => String(v).replaceAll(',', '\\,')).join(',')}`;
  if (f.kind === 'range') {
    if (f.min !== undefined && f.max === undefined) return `${f.column}${f.minExclusive ? '>' : '>='}${f.min}`;
    if (f.max !== undefined && f.min === undefined) return `${f.column}${f.maxExclusive ? '<' : '<='}${f.max}`;
  }
  throw new WhereError('this condition has no single-clause form');
}

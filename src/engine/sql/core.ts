// The quoting and escaping every SQL builder uses: identifiers are always quoted and
// literals always escaped, so no user text (file names, column names, filter values)
// is ever pasted into a statement.
import { EngineError } from '../engine-error';

/** A DuckDB identifier, double-quoted with inner quotes doubled. */
export function ident(name: string): string {
  if (name.includes('\u0000')) throw new EngineError('sql-identifier-nul');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal with inner single quotes doubled. */
export function str(value: string): string {
  if (value.includes('\u0000')) throw new EngineError('sql-string-nul');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A numeric literal; refuses NaN and infinities instead of emitting invalid SQL. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new EngineError('sql-not-finite', { value: String(value) });
  return String(value);
}

export function select(columns: readonly string[], from: string, ...clauses: string[]): string {
  return [`SELECT ${columns.join(', ')}`, `FROM ${from}`, ...clauses.filter(Boolean)].join('\n');
}

export function where(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '';
}

/** The ids a table may be given as they are: what tableNameFor makes, up to 60 characters. */
export const TABLE_ID = /^[a-z_][a-z0-9_]{0,59}$/;

export function isTableId(id: string): boolean {
  return TABLE_ID.test(id);
}

/**
 * A table name derived from a file name: lower-case letters, digits and underscores,
 * never empty, never starting with a digit, and unique among `taken`.
 */
export function tableNameFor(fileName: string, taken: ReadonlySet<string>): string {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  let base = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  if (!base) base = 'dataset';
  if (/^[0-9]/.test(base)) base = `t_${base}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

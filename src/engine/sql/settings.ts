// The connection itself: its settings and the DuckDB version it runs.
import { ident, num, str } from './core';

/** `SET name = value` for one DuckDB setting. */
export function setSql(name: string, value: boolean | number | string): string {
  const literal = typeof value === 'boolean' ? String(value) : typeof value === 'number' ? num(value) : str(value);
  return `SET ${ident(name)} = ${literal}`;
}

/** DuckDB's version string, as column v. */
export function versionSql(): string {
  return 'SELECT version() AS v';
}

// Statements that change the catalog: create, drop, rename, alter. Each takes names and
// quotes them here; queries they wrap come from the other builders.
import { ident } from './core';

/** `DROP TABLE [IF EXISTS] t`; by default a missing table is no error. */
export function dropTableSql(table: string, ifExists = true): string {
  return `DROP TABLE ${ifExists ? 'IF EXISTS ' : ''}${ident(table)}`;
}

/** `CREATE TABLE t AS <query>`. */
export function createTableAsSql(table: string, query: string): string {
  return `CREATE TABLE ${ident(table)} AS ${query}`;
}

/** `ALTER TABLE t RENAME TO u`. */
export function renameTableSql(table: string, to: string): string {
  return `ALTER TABLE ${ident(table)} RENAME TO ${ident(to)}`;
}

/** `ALTER TABLE t DROP COLUMN c`. */
export function dropColumnSql(table: string, column: string): string {
  return `ALTER TABLE ${ident(table)} DROP COLUMN ${ident(column)}`;
}

/** The column types the engine converts columns to. */
export type ColumnType = 'TIMESTAMP';

/** `ALTER TABLE t ALTER COLUMN c SET DATA TYPE type USING expr`: convert a column in place. */
export function alterColumnTypeSql(table: string, column: string, type: ColumnType, using: string): string {
  return `ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type} USING ${using}`;
}

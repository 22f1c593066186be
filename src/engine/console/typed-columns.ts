// The statement that reads a console result back with its types, shared by the exports and
// "Add to map": wide integers stay numbers unless some value would not survive a double,
// in which case that column travels as text.
import type { DuckDBConnection } from '../duckdb-types';
import { beyondDoubleSql, resultColumnsSql } from '../sql';

const WIDE_INTEGER = /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT)$/;

/** SELECT over `table`'s result columns, with wide integers beyond a double's exact range as text. */
export function typedColumnsSql(conn: DuckDBConnection, table: string, columns: readonly { name: string; type: string }[]): string {
  const wide = columns.filter((c) => WIDE_INTEGER.test(c.type)).map((c) => c.name);
  const beyond = new Set<string>();
  if (wide.length) {
    const r = conn.query(beyondDoubleSql(table, wide)).toArray()[0].toJSON() as Record<string, boolean>;
    wide.forEach((name, i) => r[`x${i}`] && beyond.add(name));
  }
  return resultColumnsSql(table, columns.map((c) => ({ name: c.name, text: beyond.has(c.name) })));
}

// The tables and views a person made in schema scratch, with their columns, for the
// console's schema browser and completion.
import type { ScratchTable } from '../protocol';
import { schemaColumnsSql } from '../sql';
import { SCRATCH_SCHEMA } from './statements';
import type { ConsoleSession } from './session';

/** Every table and view in scratch, by name, with its columns in order. */
export function scratchTables(session: ConsoleSession): ScratchTable[] {
  const out = new Map<string, ScratchTable>();
  for (const row of session.connection().query(schemaColumnsSql(SCRATCH_SCHEMA)).toArray()) {
    const r = row.toJSON() as { name: string; kind: 'table' | 'view'; column: string; type: string };
    let t = out.get(r.name);
    if (!t) out.set(r.name, (t = { name: r.name, kind: r.kind, columns: [] }));
    t.columns.push({ name: r.column, type: r.type });
  }
  return [...out.values()];
}

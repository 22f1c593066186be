// Reading the console's answers in tests: the rows of a console-run answer as text,
// and a small independent CSV reader (RFC 4180) to check the export.
import { tableFromIPC } from 'apache-arrow';
import type { ConsoleRows, ConsoleRun } from '../../src/engine/protocol';

/** The answer, which must be rows (a refusal or an error fails with its message). */
export function okRows(run: ConsoleRun): ConsoleRows {
  if (!run.ok) throw new Error(`console refused or failed: ${JSON.stringify(run.error)}`);
  return run;
}

/** Every shown row as { column: text | null }. */
export function textRows(run: ConsoleRun): Record<string, string | null>[] {
  const r = okRows(run);
  const t = tableFromIPC(r.ipc);
  const names = r.columns.map((c) => c.name);
  return Array.from({ length: t.numRows }, (_, i) => Object.fromEntries(names.map((n, c) => [n, t.getChildAt(c)!.get(i) as string | null])));
}

/** A number from the console's text (NULL is NaN, as the layers hold it). */
export const num = (v: string | null | undefined): number => (v === null || v === undefined ? NaN : Number(v));

/** CSV text → rows of fields, quoted fields unquoted (written here apart from the exporter). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

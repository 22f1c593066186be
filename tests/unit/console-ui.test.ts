// The console UI's pure parts: where an error offset is as line and column, the completion
// namespace built from the loaded tables, and reading a result's text cells from Arrow IPC.
import { describe, expect, it } from 'vitest';
import { tableToIPC, Table, vectorFromArray, Utf8 } from 'apache-arrow';
import { editorSchema, lineColumn } from '../../src/ui/console/sql-editor';
import { resultRows } from '../../src/ui/console/result-rows';

describe('console UI helpers', () => {
  it('counts lines and columns from 1, as the editor shows them', () => {
    const text = 'SELECT a\nFROM t\nGROUP BY placment';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf('FROM'))).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, text.indexOf('placment'))).toEqual({ line: 3, column: 10 });
  });

  it('puts main tables at the top of the completion namespace and scratch tables under scratch', () => {
    expect(editorSchema([{ name: 'racks', columns: ['lon', 'Created Date'] }], [])).toEqual({ racks: ['lon', 'Created Date'] });
    expect(editorSchema([{ name: 'racks', columns: ['lon'] }], [{ name: 'mine', columns: ['n'] }])).toEqual({ racks: ['lon'], scratch: { mine: ['n'] } });
  });

  it('reads text cells by row and column, NULL as null, and an empty stream as no rows', () => {
    const t = new Table({ a: vectorFromArray(['1', null, '<b>x</b>'], new Utf8()), b: vectorFromArray(['x', 'y', 'z'], new Utf8()) });
    const rows = resultRows([{ name: 'a', type: 'BIGINT' }, { name: 'b', type: 'VARCHAR' }], tableToIPC(t, 'stream'));
    expect(rows.rows).toBe(3);
    expect([rows.cell(0, 0), rows.cell(1, 0), rows.cell(2, 0), rows.cell(2, 1)]).toEqual(['1', null, '<b>x</b>', 'z']);
    expect(resultRows([], new Uint8Array(0)).rows).toBe(0);
  });
});

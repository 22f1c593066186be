// "SQL from builders": no string or template literal outside src/engine/sql/ starts with
// an SQL statement keyword. Statements are built by the functions in src/engine/sql/,
// which quote identifiers and escape literals in one place.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { parseSource, sourceFiles } from './source-files';

/** Words that start an SQL statement (upper case, as the code writes SQL). */
const STATEMENT = /^\s*(SELECT|WITH|CREATE|DROP|ALTER|INSERT|UPDATE|DELETE|DESCRIBE|SUMMARIZE|PRAGMA|SET|COPY|EXPLAIN|INSTALL|LOAD|ATTACH|DETACH)\b/;

interface SqlLiteral {
  file: string;
  line: number;
  text: string;
}

/** Every string or template literal in a file whose text starts with a statement keyword, at the keyword's line. */
function sqlLiterals(file: string, source?: string): SqlLiteral[] {
  const sf = parseSource(file, source);
  const found: SqlLiteral[] = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text;
    const m = text === null ? null : STATEMENT.exec(text);
    if (m) {
      // +1 for the opening quote or backtick; the keyword may be on a later line.
      const at = node.getStart(sf) + 1 + m[0].length - m[1].length;
      found.push({ file, line: sf.getLineAndCharacterOfPosition(at).line + 1, text: text!.trim().split('\n')[0].slice(0, 80) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const where = (hits: SqlLiteral[]) => hits.map((h) => `${h.file}:${h.line}: ${h.text}`);

describe('SQL lives in src/engine/sql/', () => {
  it('finds statements in strings and templates, at the keyword line, and not in prose or fragments', () => {
    const source = [
      "const a = 'SELECT 1';",
      'const b = `',
      '  DROP TABLE ${t}`;',
      'const c = "Select a file";',
      "const d = 'count(*) FILTER (WHERE x)';",
      'const e = `${x} SELECT`;',
      '// SELECT in a comment',
      "const f = ['PRAGMA database_size'];",
      'const g = `\\tSET x = 1`;',
      'const h = "SETTINGS";',
    ].join('\n');
    expect(where(sqlLiterals('example.ts', source))).toEqual([
      'example.ts:1: SELECT 1',
      'example.ts:3: DROP TABLE',
      'example.ts:8: PRAGMA database_size',
      'example.ts:9: SET x = 1',
    ]);
  });

  it('is not vacuous: it finds the builders own statements in src/engine/sql/', () => {
    const hits = sourceFiles('src/engine/sql').flatMap((f) => sqlLiterals(f));
    const files = new Set(hits.map((h) => h.file));
    for (const f of ['src/engine/sql/ddl.ts', 'src/engine/sql/describe.ts', 'src/engine/sql/settings.ts', 'src/engine/sql/ingest.ts']) {
      expect(files).toContain(f);
    }
    expect(hits.filter((h) => h.file === 'src/engine/sql/settings.ts').map((h) => h.text)).toContain('SELECT version() AS v');
  });

  it('no other file in src/ writes a statement', () => {
    const files = sourceFiles('src').filter((f) => !f.startsWith('src/engine/sql/'));
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) => sqlLiterals(f));
    expect(where(hits), 'SQL outside src/engine/sql/: build it with a function there').toEqual([]);
  });
});

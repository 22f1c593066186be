// No import circles in src/: every static `import … from`, `import type`, side-effect
// import and `export … from` with a relative specifier is an edge, type-only ones
// included (a type cycle still ties two modules' designs together).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { ROOT, parseSource, sourceFiles } from './source-files';

/** Relative module specifiers a file imports or re-exports statically. */
function relativeImports(file: string): string[] {
  const out: string[] = [];
  for (const s of parseSource(file).statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(s)) spec = s.moduleSpecifier;
    else if (ts.isExportDeclaration(s)) spec = s.moduleSpecifier;
    else if (ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference)) spec = s.moduleReference.expression;
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) out.push(spec.text);
  }
  return out;
}

/** The source file a relative specifier names (.ts, .tsx, /index.ts, /index.tsx), or null (CSS, JSON, assets). */
function resolve(from: string, specifier: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

/** Module graph: file → the files it imports. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = relativeImports(f).map((s) => resolve(f, s)).filter((t): t is string => t !== null);
    graph.set(f, [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * Every cycle's files (Tarjan's strongly connected components of more than one file, or
 * a file that imports itself), each sorted, the list sorted.
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('import cycles', () => {
  it('the cycle finder finds every cycle in a small graph, and none in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['g']],
      ['g', ['f', 'a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['e'], ['f', 'g']]);
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('reads every kind of static import, type-only included, and resolves it to a file', () => {
    const graph = importGraph(['src/engine/ingest/load.ts', 'src/engine/sql/index.ts']);
    // import type, import, and export … from (sql/index.ts re-exports its siblings).
    expect(graph.get('src/engine/ingest/load.ts')).toEqual(expect.arrayContaining(['src/engine/protocol/index.ts', 'src/engine/sql/index.ts', 'src/engine/ingest/csv.ts']));
    expect(graph.get('src/engine/sql/index.ts')).toEqual(expect.arrayContaining(['src/engine/sql/core.ts', 'src/engine/sql/ddl.ts']));
  });

  it('src/ has no import cycles', () => {
    const files = sourceFiles('src');
    const graph = importGraph(files);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    const cycles = findCycles(graph).map((c) => c.join(' ↔ '));
    expect(cycles, 'import cycles in src/').toEqual([]);
  });
});

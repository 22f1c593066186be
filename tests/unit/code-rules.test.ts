// Code rules for src, checked on every run so they stay kept: no `as never` (it switches
// prop checking off), and no Math.max/Math.min over a spread (past ~125,000 arguments the
// call overflows the stack: deck-layers.ts did so with 125,000+ cells).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A broken rule: where, and which. */
interface Breach {
  line: number;
  rule: string;
}

/** Breaches of the rules in one file's text, by line. */
function breaches(text: string): Breach[] {
  const out: Breach[] = [];
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  for (const m of text.matchAll(/\bas\s+never\b/g)) out.push({ line: lineAt(m.index), rule: '`as never`' });
  for (const m of text.matchAll(/\bMath\.(max|min)\s*(\.apply\b|\()/g)) {
    if (m[2] !== '(') {
      out.push({ line: lineAt(m.index), rule: `Math.${m[1]}.apply` });
      continue;
    }
    // The call's own arguments: up to its closing parenthesis, spreads in nested calls aside.
    let depth = 0;
    for (let i = m.index + m[0].length; i < text.length; i++) {
      const c = text[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && text.startsWith('...', i)) {
        out.push({ line: lineAt(m.index), rule: `Math.${m[1]}(...spread)` });
        break;
      }
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

describe('code rules', () => {
  it('finds each kind of breach, on its line, in a literal sample', () => {
    const sample = [
      'const a = new Layer({ id } as never);',
      'const b = Math.max(1e-9, ...values);',
      'const c = Math.min(',
      '  0,',
      '  ...Array.from(v));',
      'const d = Math.max.apply(null, values);',
      'const e = Math.max(0, f(...values));', // a spread into f, not into Math.max
      'const f = Math.min(a, b);',
      'const g = { ...Math, as: 1 }; const neverMind = 0;',
    ].join('\n');
    expect(breaches(sample)).toEqual([
      { line: 1, rule: '`as never`' },
      { line: 2, rule: 'Math.max(...spread)' },
      { line: 3, rule: 'Math.min(...spread)' },
      { line: 6, rule: 'Math.max.apply' },
    ]);
  });

  it('src keeps them', () => {
    const found = sourceFiles(path.join(root, 'src')).flatMap((file) =>
      breaches(readFileSync(file, 'utf8')).map((b) => `${path.relative(root, file)}:${b.line}: ${b.rule}`),
    );
    expect(found).toEqual([]);
  });
});

// No user-visible string literal in the UI, the map or the scale code: each must come from
// the catalogue (src/i18n). The scanner's rules are documented in string-scanner.ts; here it
// is first shown to catch literal samples of each rule, then run over the real sources.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanSource, type Finding } from './string-scanner';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = ['src/ui', 'src/map', 'src/scales'];

/**
 * Literals that look user-visible but are not, each with its reason. Keep it tiny: a string
 * a person can read belongs in the catalogue.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  // parseColour's assertion about our own scheme tables (d3 colours); no data reaches it.
  { file: 'src/scales/colour.ts', text: 'unexpected colour x', why: 'a programming error, never shown' },
  // The coordinator's own invariants: a cache made with no room, an answer without the geometry it promised.
  { file: 'src/ui/cache-lru.ts', text: 'an LRU cache needs a capacity of at least 1, got x', why: 'a programming error, never shown' },
  { file: 'src/ui/layer-data.ts', text: 'geometry x is missing from the answer', why: 'a programming error, never shown' },
  // The embed snippet is HTML a city pastes into its pages; its only words (the title) come from the config.
  { file: 'src/ui/embed.ts', text: '<iframe src="x" title="x" width="100%" height="480" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>', why: 'markup, not prose' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const scan = (source: string, file = 'sample.tsx') => scanSource(file, source).map((f) => [f.rule, f.text]);

describe('the string scanner', () => {
  it('flags JSX text with letters, and not symbols or whitespace', () => {
    expect(scan('const a = <p>Computing…</p>;')).toEqual([['jsx-text', 'Computing…']]);
    expect(scan('const a = <label>Opacity <input type="range" /></label>;')).toEqual([['jsx-text', 'Opacity']]);
    expect(scan('const a = <button aria-label={t("x.close")}>✕</button>;')).toEqual([]);
    expect(scan('const a = <span>{a} · {b}</span>;')).toEqual([]);
  });

  it('flags literals in child expressions', () => {
    expect(scan("const a = <p>{ok ? 'Yes' : '—'}</p>;")).toEqual([['jsx-child', 'Yes']]);
    expect(scan('const a = <p>{`${n} rows`}</p>;')).toEqual([['jsx-child', 'x rows']]);
    expect(scan("const a = <p>{facts.join(' · ')}</p>;")).toEqual([]);
  });

  it('flags visible attributes, as strings, templates or inside expressions', () => {
    expect(scan('const a = <div aria-label="Map" />;')).toEqual([['jsx-attribute', 'Map']]);
    expect(scan('const a = <b title={`Move ${s} up`} />;')).toEqual([['jsx-attribute', 'Move x up']]);
    expect(scan("const a = <input placeholder={p || 'https://example.org/x.csv'} />;")).toEqual([
      ['jsx-attribute', 'https://example.org/x.csv'],
    ]);
    expect(scan("const a = <option label={'one'} />;")).toEqual([['jsx-attribute', 'one']]);
    expect(scan('const a = <Panel layerTitle="Hexagons" />;')).toEqual([['jsx-attribute', 'Hexagons']]);
  });

  it('does not flag technical attributes, class names or catalogue keys', () => {
    const sample = `const a = (
      <div className="app dragging" id="layers-heading" data-layer="points-1" role="region" aria-live="polite">
        <input type="file" accept=".parquet,.csv" name="url" inputMode="url" aria-describedby={\`\${id}-help \${id}-error\`} />
        <label htmlFor={\`\${id}-kind\`}>{t('layers.as')}</label>
        <p title={t('basemap.toggle', { title })} />
      </div>
    );`;
    expect(scan(sample)).toEqual([]);
  });

  it('flags visible properties and prose in plain code', () => {
    expect(scan("say({ status: 'loading' });", 'a.ts')).toEqual([['visible-prop', 'loading']]);
    expect(scan("const row = { label: 'Area', value };", 'a.ts')).toEqual([['visible-prop', 'Area']]);
    expect(scan('throw new Error(`${title}: the dataset has no lines`);', 'a.ts')).toEqual([['prose', 'x: the dataset has no lines']]);
    expect(scan('const title = `Feature ${i + 1}`;', 'a.ts')).toEqual([['prose', 'Feature x']]);
    expect(scan("rows.push(['Suppressed', x]);", 'a.ts')).toEqual([['capitalised', 'Suppressed']]);
    expect(scan("const s = 'preparing…';", 'a.ts')).toEqual([['prose', 'preparing…']]);
    expect(scan("const labels = { h3: 'H3 cells' };", 'a.ts')).toEqual([['prose', 'H3 cells']]);
  });

  it('does not flag identifiers, comparisons, logs, types, imports, styles or keys', () => {
    const sample = `
      import { t } from '../i18n';
      export type Kind = 'Points' | 'hexagons';
      if (e.key === 'Escape' || err.name !== 'AbortError') console.warn(\`basemap: no basemap "\${id}"; showing its default\`);
      switch (kind) { case 'Feature': break; }
      const paint = { 'fill-color': palette.land, 'text-font': ['NotoSans-Regular'] };
      const feature = { type: 'Feature', geometry: { type: 'Polygon', coordinates } };
      const id = \`\${spec.id}:fill\`;
      const css = \`rgba(\${r}, \${g}, \${b}, \${a})\`;
      const sql = \`-- \${r.method}\\n\${r.sql}\`;
      const label = t('layers.kind.points');
      const where = obj['Some Key'];
      const status = { state: 'loading' };
      const utc = 'UTC';
      class X extends LayerExtension { static extensionName = 'StackedOpacityExtension'; }
      const inject = { 'vs:#decl': 'in float instanceStackCounts;', 'fs:DECKGL_FILTER_COLOR': 'color.a = 1.0;' };
      const style = { label: '#3d3b38' };
    `;
    expect(scan(sample, 'a.ts')).toEqual([]);
  });
});

describe('UI, map and scale sources', () => {
  const files = SCANNED.flatMap(sourceFiles);

  it('scans the components and the map, scale and UI text modules', () => {
    for (const f of ['src/ui/App.tsx', 'src/ui/LayerSettings.tsx', 'src/ui/dataset-text.ts', 'src/map/picking.ts', 'src/map/basemap.ts', 'src/scales/colour.ts']) {
      expect(files).toContain(f);
    }
  });

  it('have no user-visible string literal outside the catalogue', () => {
    const findings: Finding[] = files.flatMap((f) => scanSource(f, readFileSync(path.join(root, f), 'utf8')));
    const left = findings.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.text === f.text));
    expect(left.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });
});

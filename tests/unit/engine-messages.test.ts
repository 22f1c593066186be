// The engine says what it noticed as codes with parameters; the UI's English wording
// (`engine.<code>` in src/i18n/en.ts) reads as the engine's English did before it became codes.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { message } from '../../src/engine/messages';
import { shapeWarnings, type CollectedShapes } from '../../src/engine/ingest/shapes';
import { engineText } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { parseSource, sourceFiles } from './source-files';

/** Every code passed as a literal to message(…), or to new EngineError(…) (a failure), in src/. */
function codesInSource(call: 'message' | 'EngineError' = 'message'): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles('src')) {
    const visit = (node: ts.Node) => {
      const callee = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression : null;
      if (callee && ts.isIdentifier(callee) && callee.text === call && (call === 'message') === ts.isCallExpression(node)) {
        const [first] = (node as ts.CallExpression | ts.NewExpression).arguments ?? [];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) codes.add(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(parseSource(file));
  }
  return codes;
}

describe('engine messages in English', () => {
  it('words every code, counts grouped as en-US', () => {
    const said = (code: string, params?: Record<string, string | number>) => engineText(message(code, params));
    expect(said('rows-without-coordinates', { n: 1234 })).toBe('1,234 rows without coordinates');
    expect(said('wkt-unreadable', { n: 2, column: 'geom' })).toBe('2 values of "geom" are not readable WKT');
    expect(said('geometries-unreadable', { n: 3 })).toBe('3 geometries could not be read');
    expect(said('geometries-undecodable', { n: 1 })).toBe('1 geometry could not be decoded');
    expect(said('geometries-undecodable', { n: 2 })).toBe('2 geometries could not be decoded');
    expect(said('multipoints-first-point', { n: 12000 })).toBe('12,000 MultiPoint features are shown at their first point');
    expect(said('columns-disagree-with-geometry', { lon: 'x', lat: 'y', column: 'geometry' })).toBe(
      'Columns "x"/"y" do not match the geometry column "geometry"; positions come from the geometry',
    );
    expect(said('sampled-geometries-unusable', { n: 5 })).toBe('5 sampled geometries are unusable');
    expect(said('csv-not-utf8')).toBe('The file is not UTF-8; it was read as Windows-1252 (Latin-1) text');
    expect(said('timestamps-unparsed', { column: 'when', n: 1500 })).toBe('when: 1,500 values could not be read as timestamps (left empty)');
    expect(said('timestamps-mixed-offsets', { column: 'seen' })).toBe(
      'seen: some values have a UTC offset and some do not; values without one were taken as UTC',
    );
    expect(said('dates-ambiguous', { column: 'd', example: '03/04/2025', order: 'mdy', format: '%m/%d/%Y' })).toBe(
      'd: dates like 03/04/2025 could be month/day or day/month; read as month/day (%m/%d/%Y). Choose the other in the load options if that is wrong',
    );
    expect(said('dates-ambiguous', { column: 'd', example: '03/04/2025', order: 'dmy', format: '%d/%m/%Y' })).toContain('read as day/month (%d/%m/%Y)');
    expect(said('method-polygon-mesh', { features: 2166 })).toBe('2,166 features triangulated with earcut, once per loaded dataset');
  });

  it('falls back to the code for a code it does not know', () => {
    expect(engineText(message('no-such-code', { n: 1 }))).toBe('no-such-code');
  });

  it('has English for every code the source passes to message()', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThanOrEqual(9);
    expect([...codes].filter((c) => !(`engine.${c}` in en))).toEqual([]);
  });

  it('has English for every failure the source throws as new EngineError(code)', () => {
    // Spanish and Danish have the same keys as English: the Catalogue type says so.
    const codes = codesInSource('EngineError');
    expect(codes.size).toBeGreaterThanOrEqual(40);
    expect([...codes].filter((c) => !(`engine.${c}` in en))).toEqual([]);
  });

  it('shapeWarnings: rows not placed, geometries not read (in the caller’s words), MultiPoints', () => {
    const shapes = { counts: { unreadable: 2, multiPoints: 3 } } as CollectedShapes;
    expect(shapeWarnings(shapes, 4, 'geometries-undecodable')).toEqual([
      { code: 'rows-without-coordinates', params: { n: 4 } },
      { code: 'geometries-undecodable', params: { n: 2 } },
      { code: 'multipoints-first-point', params: { n: 3 } },
    ]);
    expect(shapeWarnings({ counts: { unreadable: 0, multiPoints: 0 } } as CollectedShapes, 0, 'geometries-unreadable')).toEqual([]);
  });
});

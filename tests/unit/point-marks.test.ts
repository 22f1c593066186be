import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { colourScale, scaleFromParts } from '../../src/scales/colour';
import { hasSharedData, sharedFile } from '../shared-data';

const key = (c: Uint8Array, i: number) => `${c[4 * i]},${c[4 * i + 1]},${c[4 * i + 2]},${c[4 * i + 3]}`;
const scale = { scheme: 'viridis' as const, classification: 'quantile' as const, classes: 5 };
const bytes = (text: string) => new TextEncoder().encode(text);

describe('point marks: identical rows merged, counted and styled', () => {
  const engine = new Engine(nodePlatform);
  beforeAll(async () => {
    await engine.init();
  });

  it('merges rows with the same position, colour value and size value; counts them; keeps the rest apart', async () => {
    // Three rows at A with value 1, one at A with value 2, one at B; one row without coordinates.
    const csv = 'lon,lat,v\n-73.98,40.75,1\n-73.98,40.75,1\n-73.98,40.75,1\n-73.98,40.75,2\n-73.95,40.78,1\n,,1\n';
    const info = await engine.loadBytes('stack.csv', bytes(csv), {});
    const plain = engine.pointMarks({ dataset: info.id });
    expect(plain.rows).toBe(5);
    expect(plain.marks).toBe(2);
    expect([...plain.counts].sort()).toEqual([1, 4]);
    expect(plain.colours).toBeNull();
    const coloured = engine.pointMarks({ dataset: info.id, colour: { column: 'v', scale }, sizeBy: 'v' });
    expect(coloured.rows).toBe(5);
    expect(coloured.marks).toBe(3);
    expect([...coloured.counts].sort()).toEqual([1, 1, 3]);
    expect(coloured.colours!.length).toBe(3 * 4);
    expect(coloured.radii!.length).toBe(3);
    engine.removeDataset(info.id);
  });

  it('gives the nine most frequent categories a colour each and every other value, NULL too, one more', async () => {
    // Eleven categories of one row each: ties go by value, so c01 … c09 are named.
    const kinds = Array.from({ length: 11 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
    const csv = 'lon,lat,kind\n' + kinds.map((k, i) => `${-73.9 + i / 100},40.7,${k}`).join('\n') + '\n';
    const info = await engine.loadBytes('kinds.csv', bytes(csv), {});
    const marks = engine.pointMarks({ dataset: info.id, colour: { column: 'kind', scale } });
    expect(marks.scale!.categories).toEqual(kinds.slice(0, 9));
    expect(marks.scale!.otherCategory).toBe(true);
    const s = scaleFromParts(marks.scale!);
    expect(s.colours).toHaveLength(10);
    // Each mark is one row; its category from its longitude.
    const byLon = new Map(kinds.map((k, i) => [Math.round((-73.9 + i / 100) * 100), k]));
    for (let i = 0; i < marks.marks; i++) {
      const kind = byLon.get(Math.round((marks.origin[0] + marks.offsets[2 * i]) * 100))!;
      const j = kinds.indexOf(kind);
      expect(key(marks.colours!, i)).toBe(s.colours[j < 9 ? j : 9].join(','));
    }
    // Three categories and a NULL: the NULL rows share the extra colour.
    const few = await engine.loadBytes('few.csv', bytes('lon,lat,kind\n1,1,a\n2,2,b\n3,3,\n'), {});
    const fewMarks = engine.pointMarks({ dataset: few.id, colour: { column: 'kind', scale } });
    expect(fewMarks.scale!.categories).toEqual(['a', 'b']);
    expect(fewMarks.scale!.otherCategory).toBe(true);
    // Exactly as many categories as colours: no extra class.
    const exact = await engine.loadBytes('exact.csv', bytes('lon,lat,kind\n1,1,a\n2,2,b\n'), {});
    const exactParts = engine.pointMarks({ dataset: exact.id, colour: { column: 'kind', scale } }).scale!;
    expect(exactParts.categories).toEqual(['a', 'b']);
    expect(exactParts.otherCategory).toBeUndefined();
    expect(exactParts.colours).toHaveLength(2);
    for (const d of [info, few, exact]) engine.removeDataset(d.id);
  });

  it('classes numeric colours over rows, not marks: a value seen often weighs as often', async () => {
    // 7 rows at one spot with value 1, then values 2..6 once each at other spots.
    const rows = [...Array(7).fill('-73.98,40.75,1'), ...[2, 3, 4, 5, 6].map((v) => `-73.9${v},40.7${v},${v}`)];
    const info = await engine.loadBytes('weights.csv', bytes(`lon,lat,v\n${rows.join('\n')}\n`), {});
    const marks = engine.pointMarks({ dataset: info.id, colour: { column: 'v', scale: { ...scale, classes: 3 } } });
    expect(marks.marks).toBe(6);
    const overRows = colourScale([1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6], { ...scale, classes: 3 });
    const overMarks = colourScale([1, 2, 3, 4, 5, 6], { ...scale, classes: 3 });
    expect(overRows.breaks).not.toEqual(overMarks.breaks);
    expect(marks.scale!.breaks).toEqual(overRows.breaks);
    engine.removeDataset(info.id);
  });

  it.skipIf(!hasSharedData)('colours each 311 complaint by its type: rows per colour as in SQL', async () => {
    const info = await engine.loadUrl(sharedFile('nyc_311_animal_complaints_2025.csv'), {});
    const marks = engine.pointMarks({ dataset: info.id, colour: { column: 'Complaint Type', scale } });
    expect(marks.rows).toBe(4_907);
    const rowsByColour = new Map<string, number>();
    for (let i = 0; i < marks.marks; i++) rowsByColour.set(key(marks.colours!, i), (rowsByColour.get(key(marks.colours!, i)) ?? 0) + marks.counts[i]);
    const s = scaleFromParts(marks.scale!);
    expect(s.categories!.length).toBe(9);
    const sql = `SELECT "Complaint Type" AS k, count(*)::INTEGER AS n FROM "${info.id}" WHERE "Latitude" IS NOT NULL AND "Longitude" IS NOT NULL GROUP BY 1`;
    const expected = new Map(
      engine.connection.query(sql).toArray().map((r: { toJSON(): unknown }) => {
        const o = r.toJSON() as { k: string; n: number };
        return [o.k, o.n];
      }),
    );
    s.categories!.forEach((cat, i) => expect(rowsByColour.get(s.colours[i].join(','))).toBe(expected.get(cat)));
  });

  it.skipIf(!hasSharedData)('SF racks: each mark coloured by its class and sized by the square root of spaces', async () => {
    const info = await engine.loadUrl(sharedFile('sf_bike_parking_racks.csv'), {});
    const marks = engine.pointMarks({ dataset: info.id, colour: { column: 'spaces', scale }, sizeBy: 'spaces' });
    expect(marks.rows).toBe(2_520);
    const s = scaleFromParts(marks.scale!);
    const { max } = engine.connection.query(`SELECT max(spaces)::DOUBLE AS max FROM "${info.id}"`).toArray()[0].toJSON() as { max: number };
    const { lon, lat } = info.geometry;
    for (const i of [0, 1, Math.floor(marks.marks / 2), marks.marks - 1]) {
      // The rows at the mark's position: one of their values gives its colour and radius.
      const [x, y] = [marks.origin[0] + marks.offsets[2 * i], marks.origin[1] + marks.offsets[2 * i + 1]];
      const values = engine.connection
        .query(`SELECT DISTINCT spaces::DOUBLE AS v FROM "${info.id}" WHERE abs("${lon}" - ${x}) < 1e-5 AND abs("${lat}" - ${y}) < 1e-5`)
        .toArray()
        .map((r: { toJSON(): unknown }) => (r.toJSON() as { v: number }).v);
      const match = values.find((v) => Math.abs(marks.radii![i] - (1 + 8 * Math.sqrt(v / max))) < 1e-5);
      expect(match).toBeDefined();
      expect(key(marks.colours!, i)).toBe(s.colourOf(match!).join(','));
    }
    expect(marks.sql).toContain('"spaces"');
    expect(marks.sql).toContain('GROUP BY ALL');
  });
});

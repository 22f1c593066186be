// Annotations: the schema rounds and refuses, the GeoJSON file round-trips and names its
// problems, and the link carries them until it would pass 8,000 characters.
import { describe, expect, it } from 'vitest';
import { annotationBounds, annotationsSchema, makeAnnotation, parseAnnotation, type Annotation } from '../../src/config/annotations';
import { annotationsToGeoJSON, isAnnotationsHead, readAnnotationsFile } from '../../src/config/annotations-geojson';
import { decodePayload, encodeLink, readLink, writeLink, MAX_LINK_WITH_ANNOTATIONS, type PageState } from '../../src/config/url-state';
import { createLayer } from '../../src/config/layer';

const XSS = '<img src=x onerror=alert(1)>';

/** Three annotations as a person would draw them, coordinates already at 1e-5°. */
const SAMPLE: Annotation[] = [
  { id: 'p1', note: 'Bike rack wanted', kind: 'point', coordinates: [-73.98765, 40.75123] },
  { id: 'l1', note: 'Protected lane along here', kind: 'line', coordinates: [[-73.99, 40.73], [-73.98, 40.74], [-73.97, 40.745]] },
  { id: 'a1', note: `proposed 20 mph zone ${XSS}`, kind: 'area', coordinates: [[-73.95, 40.7], [-73.94, 40.7], [-73.94, 40.71], [-73.95, 40.71]] },
];

describe('annotation schema', () => {
  it('rounds every coordinate to 1e-5°', () => {
    const a = makeAnnotation('line', [[-73.123456789, 40.987654321], [-73.000004, 40.000006]], 'x1', 'n')!;
    // Oracle: decimal rounding through toFixed, independent of the schema's Math.round.
    const dec = (x: number) => Number(x.toFixed(5));
    expect(a.coordinates).toEqual([[dec(-73.123456789), dec(40.987654321)], [dec(-73.000004), dec(40.000006)]]);
    expect(a.coordinates).toEqual([[-73.12346, 40.98765], [-73.0, 40.00001]]);
    const parsed = annotationsSchema.parse([{ id: 'p', kind: 'point', note: '', coordinates: [12.3456789, 55.6789012] }]);
    expect(parsed[0].coordinates).toEqual([12.34568, 55.6789]);
  });

  it('merges a double click’s repeated vertex and refuses shapes with too few vertices', () => {
    const area = makeAnnotation('area', [[1, 1], [2, 1], [2, 2], [2, 2.000001]], 'a')!;
    expect(area.coordinates).toEqual([[1, 1], [2, 1], [2, 2]]);
    expect(makeAnnotation('area', [[1, 1], [2, 1], [2, 1]], 'a')).toBeNull();
    expect(makeAnnotation('line', [[1, 1], [1, 1]], 'l')).toBeNull();
    // A closed ring is opened.
    expect(makeAnnotation('area', [[1, 1], [2, 1], [2, 2], [1, 1]], 'a')!.coordinates).toHaveLength(3);
  });

  it('refuses bad kinds, positions, ids and duplicates, naming where', () => {
    const bad = parseAnnotation({ id: 'l', kind: 'line', note: '', coordinates: [[0, 0]] });
    expect(bad).toEqual({ ok: false, problem: 'coordinates: needs at least 2 items' });
    const far = parseAnnotation({ id: 'p', kind: 'point', note: '', coordinates: [0, 91] });
    expect(far.ok).toBe(false);
    expect(far.ok ? '' : far.problem).toMatch(/^coordinates\[1\]: /);
    expect(parseAnnotation({ id: 'p', kind: 'circle', note: '', coordinates: [0, 0] }).ok).toBe(false);
    expect(parseAnnotation({ id: 'has space', kind: 'point', note: '', coordinates: [0, 0] }).ok).toBe(false);
    expect(annotationsSchema.safeParse([SAMPLE[0], { ...SAMPLE[1], id: 'p1' }]).success).toBe(false);
    expect(annotationsSchema.safeParse(SAMPLE).success).toBe(true);
  });

  it('bounds an annotation by its positions', () => {
    expect(annotationBounds(SAMPLE[1])).toEqual([-73.99, 40.73, -73.97, 40.745]);
    expect(annotationBounds(SAMPLE[0])).toEqual([-73.98765, 40.75123, -73.98765, 40.75123]);
  });
});

describe('annotations file (GeoJSON)', () => {
  it('writes a marked FeatureCollection with closed rings and reads it back exactly', () => {
    const fc = annotationsToGeoJSON(SAMPLE);
    const text = JSON.stringify(fc);
    // The marker comes first, so a file's head tells it from a dataset.
    expect(text.startsWith('{"citylens":"annotations","type":"FeatureCollection"')).toBe(true);
    expect(isAnnotationsHead(text.slice(0, 40))).toBe(true);
    expect(fc.features[2]).toEqual({
      type: 'Feature',
      id: 'a1',
      geometry: { type: 'Polygon', coordinates: [[[-73.95, 40.7], [-73.94, 40.7], [-73.94, 40.71], [-73.95, 40.71], [-73.95, 40.7]]] },
      properties: { citylensAnnotation: true, kind: 'area', note: `proposed 20 mph zone ${XSS}` },
    });
    expect(fc.features.map((f) => [f.geometry.type, f.properties.kind, f.properties.note])).toEqual([
      ['Point', 'point', 'Bike rack wanted'],
      ['LineString', 'line', 'Protected lane along here'],
      ['Polygon', 'area', `proposed 20 mph zone ${XSS}`],
    ]);
    expect(readAnnotationsFile(text)).toEqual({ ok: true, annotations: SAMPLE });
  });

  it('tells an ordinary GeoJSON dataset from an annotations file by its head', () => {
    const dataset = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { name: 'citylens' } }] });
    expect(isAnnotationsHead(dataset)).toBe(false);
    // A GIS tool that drops foreign members keeps the features' mark.
    const resaved = JSON.stringify({ type: 'FeatureCollection', features: annotationsToGeoJSON(SAMPLE).features });
    expect(isAnnotationsHead(resaved.slice(0, 4096))).toBe(true);
    const back = readAnnotationsFile(resaved);
    expect(back.ok && back.annotations).toEqual(SAMPLE);
  });

  it('names the problem of a bad file, feature by feature', () => {
    const fc = annotationsToGeoJSON(SAMPLE);
    const withFeature = (i: number, f: unknown) => JSON.stringify({ ...fc, features: fc.features.map((x, j) => (j === i ? f : x)) });
    const problem = (text: string) => {
      const r = readAnnotationsFile(text);
      return r.ok ? null : r.problem;
    };
    expect(problem('{"citylens":"annotations",')).toBe('it is not valid JSON');
    expect(problem('{"citylens":"annotations","type":"Feature"}')).toBe('it is not a GeoJSON FeatureCollection');
    expect(problem(withFeature(1, { ...fc.features[1], geometry: { type: 'LineString', coordinates: [[0, 0]] } }))).toBe(
      'feature 2: coordinates: needs at least 2 items',
    );
    expect(problem(withFeature(0, { ...fc.features[0], geometry: { type: 'MultiPoint', coordinates: [[0, 0]] } }))).toBe(
      'feature 1 has a MultiPoint geometry, and annotations are a Point, LineString or Polygon',
    );
    expect(problem(withFeature(0, { ...fc.features[0], properties: { note: 'x' } }))).toBe(
      'feature 1 is not a CityLens annotation (its properties lack "citylensAnnotation": true)',
    );
    expect(problem(withFeature(2, { ...fc.features[2], properties: { ...fc.features[2].properties, kind: 'line' } }))).toBe(
      'feature 3 says it is a line but has a Polygon geometry',
    );
    expect(problem(withFeature(0, { ...fc.features[0], properties: { ...fc.features[0].properties, note: 42 } }))).toBe(
      'feature 1: note: expected string, got number',
    );
  });

  it('gives fresh ids to features without one or with a repeated one', () => {
    const fc = annotationsToGeoJSON([SAMPLE[0], { ...SAMPLE[1], id: 'p1' }]);
    const r = readAnnotationsFile(JSON.stringify(fc));
    expect(r.ok).toBe(true);
    const ids = r.ok ? r.annotations.map((a) => a.id) : [];
    expect(ids[0]).toBe('p1');
    expect(ids[1]).toMatch(/^[a-z0-9]{6}$/);
  });
});

describe('annotations in the link', () => {
  const base: PageState = {
    view: { center: [-73.96, 40.74], zoom: 10.6 },
    basemap: 'none',
    sources: [{ entry: 'bikes' }],
    layers: [createLayer('points', 'bikes', { title: 'Bikes' })],
  };
  const page = 'https://city.example/a/b/?config=c.json';

  it('writes them in the payload and reads them back exactly', async () => {
    const hash = await encodeLink({ ...base, annotations: SAMPLE }, base);
    const s = new URLSearchParams(hash.slice(1)).get('s')!;
    expect(await decodePayload(s)).toEqual({ a: SAMPLE });
    const read = await readLink(`${page}${hash}`);
    expect(read.problems).toEqual([]);
    expect(read.link.annotations).toEqual(SAMPLE);
    // None: nothing in the link.
    expect(await encodeLink({ ...base, annotations: [] }, base)).toBe('');
  });

  it('keeps the valid annotations of a link and says how many it left out', async () => {
    const hash = await encodeLink({ ...base, annotations: [...SAMPLE, { id: 'bad', kind: 'line', note: '', coordinates: [[0, 0]] } as unknown as Annotation] }, base);
    const read = await readLink(`${page}${hash}`);
    expect(read.link.annotations).toEqual(SAMPLE);
    expect(read.problems).toEqual(['The link holds 1 annotation this CityLens cannot read: left out']);
  });

  it('leaves them out once the link would pass 8,000 characters, and says so', async () => {
    // Incompressible notes, so the deflated payload grows with them.
    let seed = 7;
    const noise = () => Array.from({ length: 120 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    const few = SAMPLE.slice(0, 2);
    const small = await writeLink(page, { ...base, annotations: few }, base);
    expect(small.annotationsLeftOut).toBe(false);
    expect((await readLink(small.href)).link.annotations).toEqual(few);
    const many: Annotation[] = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, note: noise(), kind: 'point', coordinates: [-73.9 + i / 1000, 40.7] }));
    const big = await writeLink(page, { ...base, annotations: many }, base);
    expect(big.annotationsLeftOut).toBe(true);
    expect(big.href.length).toBeLessThanOrEqual(MAX_LINK_WITH_ANNOTATIONS);
    expect((await readLink(big.href)).link.annotations).toBeUndefined();
    // The full link would indeed have been too long.
    expect((page + (await encodeLink({ ...base, annotations: many }, base))).length).toBeGreaterThan(MAX_LINK_WITH_ANNOTATIONS);
  });
});

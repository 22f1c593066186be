import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, finiteSorted } from '../../src/scales/classify';
import { colourScale, colourArray, SUPPRESSED_COLOUR, NO_DATA_COLOUR } from '../../src/scales/colour';

const values = Float64Array.from([1, 2, 2, 3, 10, 11, 12, 50, 51, NaN]);

describe('class breaks', () => {
  it('ignores NaN (suppressed / no data)', () => {
    expect(finiteSorted(values).length).toBe(9);
  });
  it('equal interval splits the extent evenly', () => {
    expect(classBreaks(finiteSorted(values), 'equal', 5)).toEqual([11, 21, 31, 41]);
  });
  it('quantile puts about the same number of values in each class', () => {
    const b = classBreaks(finiteSorted(values), 'quantile', 3);
    const counts = [0, 0, 0];
    for (const v of finiteSorted(values)) counts[classOf(v, b)]++;
    expect(counts).toEqual([3, 3, 3]);
  });
  it('natural breaks find the gaps in the data', () => {
    expect(classBreaks(finiteSorted(values), 'jenks', 3)).toEqual([10, 50]);
  });
  it('never makes more classes than there are distinct values', () => {
    expect(classBreaks(Float64Array.from([3, 7]), 'quantile', 6)).toEqual([5]);
    expect(classBreaks(Float64Array.from([3, 7]), 'jenks', 6)).toEqual([7]);
  });
  it('a fixed domain wins over the data', () => {
    expect(classBreaks(finiteSorted(values), 'quantile', 4, [0, 100])).toEqual([25, 50, 75]);
  });
});

describe('colour scale', () => {
  it('gives suppressed and no-data their own colours, never a class colour', () => {
    const s = colourScale(values, { scheme: 'viridis', classification: 'jenks', classes: 3 });
    expect(s.colours.length).toBe(3);
    expect(s.colourOf(NaN)).toEqual(NO_DATA_COLOUR);
    expect(s.colourOf(5, true)).toEqual(SUPPRESSED_COLOUR);
    expect(s.colourOf(1)).toEqual(s.colours[0]);
    expect(s.colourOf(51)).toEqual(s.colours[2]);
    const rgba = colourArray(s, Float64Array.from([1, 51]), Uint8Array.from([0, 1]));
    expect([...rgba.subarray(4, 8)]).toEqual(SUPPRESSED_COLOUR);
  });
  it('centres a diverging scheme on the given value', () => {
    const s = colourScale(Float64Array.from([-10, -5, 0, 5, 20]), { scheme: 'rdbu', classification: 'linear', classes: 5, centre: 0 });
    const mid = s.colourOf(0);
    // RdBu's midpoint is a near-white neutral.
    expect(Math.min(mid[0], mid[1], mid[2])).toBeGreaterThan(230);
  });
});

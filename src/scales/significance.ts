// Colours of the hotspot classes and of change maps: ColorBrewer's 7-class RdBu, which
// stays readable with the common colour-vision deficiencies, hot/increase in red and
// cold/decrease in blue, with neutral greys for what was not tested.
import { CHANGE_CLASSES, HOTSPOT_CLASSES, type ChangeClass, type HotspotClass } from '../engine/stats/classes';
import { NO_DATA_COLOUR, SUPPRESSED_COLOUR, colourScale, type ColourScale, type Rgba } from './colour';

const RDBU7: Rgba[] = [
  [178, 24, 43, 255],
  [239, 138, 98, 255],
  [253, 219, 199, 255],
  [247, 247, 247, 230],
  [209, 229, 240, 255],
  [103, 169, 207, 255],
  [33, 102, 172, 255],
];
const UNTESTED: Rgba = [200, 200, 200, 110];

const HOTSPOT_COLOURS: Record<HotspotClass, Rgba> = {
  'hot-99': RDBU7[0], 'hot-95': RDBU7[1], 'hot-90': RDBU7[2], 'not-significant': RDBU7[3],
  'cold-90': RDBU7[4], 'cold-95': RDBU7[5], 'cold-99': RDBU7[6],
  isolated: UNTESTED, suppressed: SUPPRESSED_COLOUR, outside: NO_DATA_COLOUR,
};
const CHANGE_COLOURS: Record<ChangeClass, Rgba> = {
  'increase-99': RDBU7[0], 'increase-95': RDBU7[1], 'increase-90': RDBU7[2], 'no-significant-change': RDBU7[3],
  'decrease-90': RDBU7[4], 'decrease-95': RDBU7[5], 'decrease-99': RDBU7[6],
  'no-test': UNTESTED, suppressed: SUPPRESSED_COLOUR, outside: NO_DATA_COLOUR,
};

/** The colour of a class, by kind. */
export function classColour(kind: 'hotspots' | 'compare', name: string): Rgba {
  return kind === 'hotspots' ? HOTSPOT_COLOURS[name as HotspotClass] : CHANGE_COLOURS[name as ChangeClass];
}

/** A scale over class codes (indexes into HOTSPOT_CLASSES or CHANGE_CLASSES); `categories` are the class names. */
export function classScale(kind: 'hotspots' | 'compare'): ColourScale {
  const names = kind === 'hotspots' ? HOTSPOT_CLASSES : CHANGE_CLASSES;
  const colours = names.map((n) => classColour(kind, n));
  return {
    options: { scheme: 'rdbu', classification: 'equal', classes: 7 },
    domain: [0, names.length - 1],
    breaks: [],
    colours,
    categories: [...names],
    colourOf(v, suppressed) {
      if (suppressed) return SUPPRESSED_COLOUR;
      return Number.isInteger(v) && v >= 0 && v < colours.length ? colours[v] : NO_DATA_COLOUR;
    },
  };
}

/** A change map's scale: seven equal classes of RdBu, centred on zero, symmetric about it. */
export function changeScale(change: ArrayLike<number>): ColourScale {
  let m = 0;
  for (let i = 0; i < change.length; i++) if (Number.isFinite(change[i]) && Math.abs(change[i]) > m) m = Math.abs(change[i]);
  const half = m || 1;
  return colourScale(change, { scheme: 'rdbu', classification: 'equal', classes: 7, domain: [-half, half], centre: 0 });
}

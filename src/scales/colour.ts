// Colour scales for layers and legends: d3-scale-chromatic schemes (colour-blind-safe
// viridis/cividis first), classed or continuous, with fixed colours for suppressed and
// no-data areas. One function answers "which colour for this value", used by both the
// layer and its legend, so they cannot disagree.
import * as chromatic from 'd3-scale-chromatic';
import { classBreaks, classOf, finiteSorted, type Classification } from './classify';

export type Rgba = [number, number, number, number];

// Each scheme is named to people by `scales.scheme.<name>` in the catalogue (src/i18n).
export const SCHEMES = {
  viridis: { kind: 'sequential', interpolate: chromatic.interpolateViridis },
  cividis: { kind: 'sequential', interpolate: chromatic.interpolateCividis },
  magma: { kind: 'sequential', interpolate: chromatic.interpolateMagma },
  ylorrd: { kind: 'sequential', interpolate: chromatic.interpolateYlOrRd },
  blues: { kind: 'sequential', interpolate: chromatic.interpolateBlues },
  rdbu: { kind: 'diverging', interpolate: (t: number) => chromatic.interpolateRdBu(1 - t) },
  puor: { kind: 'diverging', interpolate: chromatic.interpolatePuOr },
} as const;
export type SchemeName = keyof typeof SCHEMES;

/** The scheme names, in the order the layer settings offer them. */
export const SCHEME_NAMES = Object.keys(SCHEMES) as SchemeName[];

export const SUPPRESSED_COLOUR: Rgba = [150, 150, 150, 150];
export const NO_DATA_COLOUR: Rgba = [0, 0, 0, 0];

function parseColour(css: string): Rgba {
  const m = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(css);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), 255];
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const v = parseInt(hex[1], 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255, 255];
  }
  throw new Error(`unexpected colour ${css}`);
}

export interface ColourScaleOptions {
  scheme: SchemeName;
  classification: Classification;
  classes: number;
  /** Fixed domain (for playback and comparisons); else the data's extent. */
  domain?: [number, number];
  /** Diverging schemes centre on this value (default 0). */
  centre?: number;
}

export interface ColourScale {
  options: ColourScaleOptions;
  domain: [number, number];
  /** Thresholds between classes; empty for a continuous scale. */
  breaks: number[];
  /** One colour per class (classed), or ramp stops (continuous). */
  colours: Rgba[];
  /** Categorical scales: the category (a data value) of each colour, in order. */
  categories?: string[];
  /** Categorical scales: one more colour, after the categories', for every other value. */
  otherCategory?: boolean;
  colourOf(value: number, suppressed?: boolean): Rgba;
}

/** What a scale is made of: crosses the worker boundary, where functions cannot. */
export type ScaleParts = Pick<ColourScale, 'options' | 'domain' | 'breaks' | 'colours' | 'categories' | 'otherCategory'>;

export function scaleParts(s: ColourScale): ScaleParts {
  const { options, domain, breaks, colours, categories, otherCategory } = s;
  return { options, domain, breaks, colours, categories, ...(otherCategory ? { otherCategory } : {}) };
}

/** Rebuild a scale from its parts (e.g. one the worker computed over 1.8M values). */
export function scaleFromParts(parts: ScaleParts): ColourScale {
  if (parts.categories) return categoricalScale(parts.categories, parts.options, parts.otherCategory);
  if (parts.options.classification === 'linear') return colourScale(parts.domain, { ...parts.options, domain: parts.domain });
  const { colours, breaks } = parts;
  return {
    ...parts,
    colourOf(v, suppressed) {
      if (suppressed) return SUPPRESSED_COLOUR;
      if (!Number.isFinite(v)) return NO_DATA_COLOUR;
      return colours[classOf(v, breaks)];
    },
  };
}

/**
 * Colour-blind-aware categorical colours (Tableau 10); values are category indexes, and
 * with `otherCategory` index categories.length is every other value.
 */
export function categoricalScale(categories: string[], options: ColourScaleOptions, otherCategory = false): ColourScale {
  const classes = categories.length + (otherCategory ? 1 : 0);
  const colours = Array.from({ length: classes }, (_, i) => parseColour(chromatic.schemeTableau10[i % 10]));
  return {
    options,
    domain: [0, classes - 1],
    breaks: [],
    colours,
    categories,
    ...(otherCategory ? { otherCategory } : {}),
    colourOf(v, suppressed) {
      if (suppressed) return SUPPRESSED_COLOUR;
      return Number.isInteger(v) && v >= 0 && v < colours.length ? colours[v] : NO_DATA_COLOUR;
    },
  };
}

export function colourScale(values: ArrayLike<number>, options: ColourScaleOptions): ColourScale {
  const sorted = finiteSorted(values);
  const scheme = SCHEMES[options.scheme];
  const domain: [number, number] = options.domain ?? (sorted.length ? [sorted[0], sorted[sorted.length - 1]] : [0, 1]);
  const span = domain[1] - domain[0] || 1;
  let position = (v: number) => Math.min(1, Math.max(0, (v - domain[0]) / span));
  if (scheme.kind === 'diverging') {
    const c = options.centre ?? 0;
    const half = Math.max(Math.abs(domain[0] - c), Math.abs(domain[1] - c)) || 1;
    position = (v: number) => Math.min(1, Math.max(0, 0.5 + (v - c) / (2 * half)));
  }
  const breaks = classBreaks(sorted, options.classification, options.classes, options.domain);
  if (options.classification === 'linear') {
    const stops = Array.from({ length: 9 }, (_, i) => parseColour(scheme.interpolate(i / 8)));
    return {
      options, domain, breaks, colours: stops,
      colourOf(v, suppressed) {
        if (suppressed) return SUPPRESSED_COLOUR;
        if (!Number.isFinite(v)) return NO_DATA_COLOUR;
        return parseColour(scheme.interpolate(position(v)));
      },
    };
  }
  const n = breaks.length + 1;
  const colours = Array.from({ length: n }, (_, i) => {
    // Diverging: colour each class by its middle value so the centre stays neutral.
    if (scheme.kind === 'diverging') {
      const lo = i === 0 ? domain[0] : breaks[i - 1];
      const hi = i === n - 1 ? domain[1] : breaks[i];
      return parseColour(scheme.interpolate(position((lo + hi) / 2)));
    }
    return parseColour(scheme.interpolate(n === 1 ? 0.5 : i / (n - 1)));
  });
  return {
    options, domain, breaks, colours,
    colourOf(v, suppressed) {
      if (suppressed) return SUPPRESSED_COLOUR;
      if (!Number.isFinite(v)) return NO_DATA_COLOUR;
      return colours[classOf(v, breaks)];
    },
  };
}

/** RGBA per item for a binary colour attribute. */
export function colourArray(scale: ColourScale, values: ArrayLike<number>, suppressed?: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  for (let i = 0; i < values.length; i++) out.set(scale.colourOf(values[i], suppressed?.[i] === 1), i * 4);
  return out;
}

// Style layers for archives in the 2023 Protomaps schema (`pmap:kind`, layers earth, water,
// roads, places…), e.g. the Florence sample: protomaps-themes-base 1.3.1 is the release
// that matches it (@protomaps/basemaps v5 targets the newer schema and draws nothing here).
import layers from 'protomaps-themes-base';
import type { LayerSpecification } from 'maplibre-gl';
import type { BasemapPalette } from './palette';

/** The theme's fonts → the glyph sets we build (scripts/basemap/glyphs.mjs). */
const FONT = { 'NotoSans-Regular': 'NotoSans-Regular', 'NotoSans-Bold': 'NotoSans-Medium' } as Record<string, string>;

export const PROTOMAPS_LIGHT: BasemapPalette = { land: '#e7f1ee', water: '#a4cae1', coast: '#a4cae1' };

export function protomapsLayers(source: string): LayerSpecification[] {
  return (layers(source, 'light') as LayerSpecification[])
    // The backdrop below draws land and sea instead of the theme's background, and instead
    // of its "mask" (grey over the tiles' area outside the extract).
    .filter((l) => l.type !== 'background' && l.id !== 'mask')
    .map((l) => {
      const font = l.type === 'symbol' ? l.layout?.['text-font'] : undefined;
      if (!Array.isArray(font)) return l;
      return { ...l, layout: { ...l.layout, 'text-font': font.map((f) => FONT[f as string] ?? 'NotoSans-Regular') } } as LayerSpecification;
    });
}

// The text alternative of a published map: its areas ranked by value, highest first (hot
// spots: the hot areas, the most significant first, by name), the first `n` of them, and
// what is left out. Pure.
import { NO_VALUE, SUPPRESSED, type PublishedLayer } from '../../config/published';
import { HOTSPOT_CLASSES } from '../../engine/stats/classes';

export interface RankedRow {
  rank: number;
  id: string;
  name: string | null;
  value: number;
  /** Hot spots: the class (hot-99 …). */
  hotspot?: string;
}

export interface Ranked {
  rows: RankedRow[];
  /** Areas ranked beyond the rows shown. */
  more: number;
  noValue: number;
  suppressed: number;
}

const HOT = ['hot-99', 'hot-95', 'hot-90'];

export function rankedRows(layer: PublishedLayer, n: number): Ranked {
  const features = layer.features.features;
  const suppressed = features.filter((f) => f.properties.c === SUPPRESSED).length;
  if (layer.analysis === 'hotspots') {
    const hot = features
      .map((f) => ({ f, cls: HOTSPOT_CLASSES[f.properties.c] as string | undefined }))
      .filter((x) => x.cls !== undefined && HOT.includes(x.cls))
      .sort((a, b) => HOT.indexOf(a.cls!) - HOT.indexOf(b.cls!) || (a.f.properties.name ?? a.f.properties.id).localeCompare(b.f.properties.name ?? b.f.properties.id));
    return {
      rows: hot.slice(0, n).map((x, i) => ({ rank: i + 1, id: x.f.properties.id, name: x.f.properties.name, value: NaN, hotspot: x.cls })),
      more: Math.max(0, hot.length - n),
      noValue: 0,
      suppressed,
    };
  }
  const valued = features.filter((f) => f.properties.value !== null && f.properties.c !== SUPPRESSED);
  valued.sort((a, b) => b.properties.value! - a.properties.value! || a.properties.id.localeCompare(b.properties.id));
  return {
    rows: valued.slice(0, n).map((f, i) => ({ rank: i + 1, id: f.properties.id, name: f.properties.name, value: f.properties.value! })),
    more: Math.max(0, valued.length - n),
    noValue: features.filter((f) => f.properties.value === null && f.properties.c === NO_VALUE).length,
    suppressed,
  };
}

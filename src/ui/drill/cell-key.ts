// The id words of a layer's cell or district, as the drill-down request names it (CellKey):
// grid/hexagon [column, row], H3 [lower 32 bits, upper 32 bits], districts [feature index].
import type { AggregateResult, CellKey } from '../../engine/protocol';

export function cellKeyOf(r: AggregateResult, index: number): CellKey {
  if (r.h3) return [r.h3[2 * index], r.h3[2 * index + 1]];
  if (r.by.kind === 'districts') return [r.ids[index]];
  return [r.ids[2 * index], r.ids[2 * index + 1]];
}

// English wording of the aggregation engine's message codes (AggregateResult.method) and
// of the district name the engine leaves null, "outside". The UI catalogue folds these
// in under engine.<code>; the CLI reads them directly.
import type { MessageParams } from '../engine/messages';

type Params = MessageParams | undefined;

const n = (v: unknown) => Number(v).toLocaleString('en-US');
const fixed = (v: unknown, digits: number) => Number(v).toFixed(digits);

/** How the cells were assigned and the rows reduced: the tail every method sentence shares. */
function how(p: Params): string {
  const assigned = p?.cached === 1 ? 'taken from the cache' : `computed for ${n(p?.positions)} distinct positions`;
  const reduced = p?.kernel === 'js' ? 'the statistic reduced over the rows in JS' : 'joined to the rows in SQL by row order';
  return `${assigned}, ${reduced}`;
}

function projection(p: Params): string {
  return (
    `in a local equirectangular projection centred on ${fixed(p?.lon0, 5)}, ${fixed(p?.lat0, 5)} ` +
    `(${fixed(p?.kx, 1)} m per degree of longitude, ${fixed(p?.ky, 1)} m per degree of latitude, WGS84 radii there)`
  );
}

/** English text of each aggregation code, from its parameters. */
export const AGGREGATE_EN: Record<string, (p?: MessageParams) => string> = {
  'method-grid': (p) => `squares of ${p?.sizeM} m ${projection(p)}; cells ${how(p)}`,
  'method-hexagon': (p) => `pointy-top hexagons of ${p?.sizeM} m radius (centre to corner) ${projection(p)}; cells ${how(p)}`,
  'method-h3': (p) => `H3 resolution ${p?.resolution} cells from h3-js latLngToCell, ${how(p)}`,
  'method-districts': (p) =>
    `districts of ${p?.dataset} (${n(p?.features)} features${p?.nameColumn !== undefined ? `, named by "${p.nameColumn}"` : ''}` +
    `${p?.populationColumn !== undefined ? `, residents from "${p.populationColumn}"` : ''}): point-in-polygon with a flatbush index over polygon ` +
    `bounding boxes and an exact even-odd ring test (holes excluded), ${how(p)}; areas on the sphere (R = 6,371,008.8 m)`,
  'district-outside': () => 'outside',
};

/** The English text of an aggregation message; the code itself when it has no wording here. */
export function aggregateText(m: { code: string; params?: MessageParams }): string {
  const word = AGGREGATE_EN[m.code];
  return word ? word(m.params) : m.code;
}

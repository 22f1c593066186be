// H3 cells of a resolution (h3-js), assigned per distinct position through h3-js's compiled core.
import { polygonToCells } from 'h3-js';
import type { CellScheme } from '../cell-scheme';
import { assignH3, checkH3Resolution, h3At, h3CellRing, h3SplitLongs } from '../h3';
import { cellAreasKm2, cellCenters } from '../h3-core';
import { h3Ring } from '../neighbours';
import { message } from '../../messages';
import { cellCentres, factParams } from './projected';
import { EngineError } from '../../engine-error';

/** The H3 scheme. */
export const h3Scheme: CellScheme<'h3'> = {
  kind: 'h3',
  bind(by) {
    checkH3Resolution(by.resolution);
    return {
      key: `h3:${by.resolution}`,
      polygons: null,
      projection: null,
      names: null,
      population: null,
      assign(lon, lat) {
        const { cell, cells } = assignH3(lon, lat, by.resolution);
        return {
          cell,
          cells: { count: cells.length / 2, ids: new Int32Array(0), h3: cells, centers: cellCenters(cells), areasKm2: cellAreasKm2(cells), listsEmpty: false },
        };
      },
      method: (facts) => message('method-h3', { resolution: by.resolution, ...factParams(facts) }),
    };
  },
  idFields: (r) => [{ name: 'h3', type: 'string', value: (i) => h3At(r.h3!, i) }],
  outline: (r, i) => ({ type: 'Polygon', coordinates: [h3CellRing(h3At(r.h3!, i))] }),
  emptyCellsInside(r, ring, limit) {
    if (r.by.kind !== 'h3') throw new Error('internal: not an H3 result');
    const have = new Set(Array.from({ length: r.length }, (_, i) => h3At(r.h3!, i)));
    const loop: number[][] = [];
    for (let i = 0; i < ring.length; i += 2) loop.push([ring[i + 1], ring[i]]);
    // polygonToCells takes the cells whose centre lies inside the polygon: the definition.
    const keys = polygonToCells(loop, r.by.resolution).filter((h) => !have.has(h)).sort();
    if (keys.length > limit) throw new EngineError('empty-cells-too-many-h3', { n: keys.length });
    const h3 = h3SplitLongs(keys);
    return { count: keys.length, ids: new Int32Array(0), h3, centers: cellCenters(h3), areasKm2: cellAreasKm2(h3) };
  },
  centres: cellCentres,
  neighbours(r, rule) {
    if (rule.kind !== 'ring') throw new Error(`internal: H3 cells list ring neighbours here, not ${rule.kind}`);
    return h3Ring(Array.from({ length: r.length }, (_, i) => h3At(r.h3!, i)), rule.k);
  },
};

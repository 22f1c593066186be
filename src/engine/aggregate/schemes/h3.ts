// H3 cells of a resolution (h3-js), assigned per distinct position through h3-js's compiled core.
import type { CellScheme } from '../cell-scheme';
import { assignH3, checkH3Resolution, h3At, h3CellRing } from '../h3';
import { cellAreasKm2, cellCenters } from '../h3-core';
import { h3Ring } from '../neighbours';
import { message } from '../../messages';
import { factParams } from './projected';

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
  neighbours(r, rule) {
    if (rule.kind !== 'ring') throw new Error(`H3 cells have ring neighbours, not ${rule.kind}`);
    return h3Ring(Array.from({ length: r.length }, (_, i) => h3At(r.h3!, i)), rule.k);
  },
};

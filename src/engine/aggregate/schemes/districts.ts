// Districts: the features of a loaded polygon dataset, by point-in-polygon per distinct
// position; points outside every polygon form one last cell, "outside" (id -1, name null).
import type { ColumnInfo, DatasetInfo, PolygonShapes } from '../../protocol';
import type { CellScheme, SchemeHost } from '../cell-scheme';
import { districtAttributesQuery } from '../../sql';
import { nameColumn, populationColumn } from '../../column-roles';
import { float64Column, jsColumn } from '../arrow-io';
import { findColumn } from '../filters';
import { PolygonIndex, featureAreasKm2, featureCoordinates } from '../districts';
import { polygonContiguity } from '../neighbours';
import { featureCentroids } from '../centroids';
import { message, type MessageParams } from '../../messages';
import { factParams } from './projected';
import { EngineError } from '../../engine-error';

interface Attributes {
  /** Per district, then null for outside. */
  names: (string | null)[];
  /** Per district, then NaN for outside; null without a population column. */
  population: Float64Array | null;
}

// Per loaded polygon dataset (its DatasetInfo: a reload is a new one), per column choice:
// a change of statistic then reads no attributes again.
const attributeCache = new WeakMap<DatasetInfo, Map<string, Attributes>>();

/** Names and residents of the districts in feature order, then outside; read once per dataset and columns. */
function attributes(host: SchemeHost, polygons: DatasetInfo, nf: number, nameCol: string | null, popCol: string | null): Attributes {
  let byColumns = attributeCache.get(polygons);
  if (!byColumns) attributeCache.set(polygons, (byColumns = new Map()));
  const key = JSON.stringify([nameCol, popCol]);
  const hit = byColumns.get(key);
  if (hit) return hit;
  const hasFid = polygons.columns.some((c) => c.name === '__fid');
  const r = host.connection.query(districtAttributesQuery(polygons.id, nameCol, popCol, hasFid));
  if (r.numRows !== nf) throw new EngineError('district-rows-shapes-differ', { rows: String(r.numRows), shapes: String(nf) }, { subject: polygons.name });
  const names: (string | null)[] = jsColumn(r, '__name').map((v, i) => (v == null ? String(i) : String(v)));
  names.push(null);
  let population: Float64Array | null = null;
  if (popCol !== null) {
    population = new Float64Array(nf + 1);
    population.set(float64Column(r, '__pop'));
    population[nf] = NaN;
  }
  const got = { names, population };
  byColumns.set(key, got);
  return got;
}

/** The districts scheme. */
export const districtsScheme: CellScheme<'districts'> = {
  kind: 'districts',
  async bind(by, _points, host) {
    const polygons = host.dataset(by.polygons);
    if (!host.polygons) throw new EngineError('polygons-unsupported');
    const shapes: PolygonShapes | null | undefined = await host.polygons(polygons.id);
    if (!shapes) throw new EngineError('no-polygons-to-aggregate', { dataset: polygons.name });
    const nf = shapes.featureCount;
    // Names and residents in feature order (empty districts included), then outside.
    const byRole = (name: string | null) => (name === null ? undefined : findColumn(polygons.columns, name));
    const nameCol = by.nameColumn !== undefined ? findColumn(polygons.columns, by.nameColumn) : byRole(nameColumn(polygons.columns));
    const popCol: ColumnInfo | undefined =
      by.populationColumn !== undefined ? findColumn(polygons.columns, by.populationColumn) : byRole(populationColumn(polygons.columns));
    if (popCol && popCol.kind !== 'number') throw new EngineError('population-not-numeric', { column: popCol.name, type: popCol.type });
    const { names, population } = attributes(host, polygons, nf, nameCol?.name ?? null, popCol?.name ?? null);
    // ICU selects on the yes/no flags; the column names are empty when absent.
    const params: MessageParams = {
      dataset: polygons.name,
      features: nf,
      named: nameCol ? 'yes' : 'no',
      nameColumn: nameCol?.name ?? '',
      residents: popCol ? 'yes' : 'no',
      populationColumn: popCol?.name ?? '',
    };
    return {
      key: `districts:${polygons.id}`,
      polygons,
      projection: null,
      names,
      population,
      assign(lon, lat) {
        const cell = new PolygonIndex(shapes).assign(lon, lat);
        for (let i = 0; i < cell.length; i++) if (cell[i] < 0) cell[i] = nf;
        const ids = new Int32Array(nf + 1);
        for (let f = 0; f < nf; f++) ids[f] = f;
        ids[nf] = -1;
        const areasKm2 = new Float64Array(nf + 1);
        areasKm2.set(featureAreasKm2(shapes));
        areasKm2[nf] = NaN;
        return { cell, cells: { count: nf + 1, ids, h3: null, centers: null, areasKm2, listsEmpty: true }, shapes };
      },
      method: (facts) => message('method-districts', { ...params, ...factParams(facts) }),
    };
  },
  centres(r, shapes) {
    if (!shapes) throw new Error('internal: district centres need the polygons');
    const listed = Array.from(r.ids).filter((id) => id >= 0);
    return featureCentroids(shapes, listed);
  },
  idFields: (r) => [
    { name: 'fid', type: 'int', value: (i) => r.ids[i] },
    { name: 'name', type: 'string', value: (i) => r.names?.[i] ?? null, nullCode: 'district-outside' },
  ],
  outline(r, i, shapes) {
    if (r.ids[i] < 0 || !shapes) return null;
    return { type: 'MultiPolygon', coordinates: featureCoordinates(shapes, r.ids[i]) };
  },
  neighbours(_r, rule, shapes) {
    if (rule.kind !== 'queen' && rule.kind !== 'rook') throw new Error(`internal: districts list queen or rook neighbours here, not ${rule.kind}`);
    if (!shapes) throw new Error('internal: district neighbours need the polygons');
    return polygonContiguity(shapes, rule.kind, { toleranceM: rule.toleranceM, minSharedM: rule.minSharedM });
  },
};

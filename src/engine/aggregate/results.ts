// Runs an aggregation query and packs the rows into an AggregateResult of typed arrays:
// ids, centres, counts, values, rates and suppression flags.
import type { DuckDBConnection } from '../duckdb-types';
import type { AggregateRequest, AggregateResult, DatasetInfo } from '../protocol';
import { ident, select } from '../sql';
import type { AssignmentEntry } from './assignment';
import { float64Column, int32Column, jsColumn } from './arrow-io';
import { findColumn } from './filters';
import { gridCenter, gridCellAreaKm2 } from './grid';
import { hexCenter, hexCellAreaKm2 } from './hexagon';
import { h3AreaKm2, h3Center, h3SplitLongs } from './h3';
import { featureAreasKm2 } from './districts';
import { localProjection } from './projection';
import { assignedCellsQuery, projectedCellsQuery, type QueryParts } from './query';
import { isAdditive } from './stats';
import { suppress } from './privacy';
import { nameColumn, populationColumn } from '../column-roles';

function rates(base: Float64Array, per: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(base.length);
  for (let i = 0; i < base.length; i++) out[i] = per[i] > 0 ? (base[i] / per[i]) * scale : NaN;
  return out;
}

function finish(
  req: AggregateRequest,
  parts: QueryParts,
  k: number,
  fields: Pick<AggregateResult, 'ids' | 'h3' | 'names' | 'centers' | 'areasKm2' | 'projection' | 'sql' | 'method' | 'assignment'> & {
    counts: Float64Array;
    values: Float64Array;
    population: Float64Array | null;
  },
  t0: number,
  assignMs: number,
  queryMs: number,
): AggregateResult {
  const { counts, values, population, ...rest } = fields;
  let rows = 0;
  for (const n of counts) rows += n;
  // Rates of additive statistics; for the others (mean, median…) rates of the row count.
  const base = isAdditive(parts.stat) ? values : Float64Array.from(counts);
  const perKm2 = rates(base, fields.areasKm2, 1);
  const per1000 = population ? rates(base, population, 1000) : null;
  const { suppressed, suppressedCells } = suppress(k, counts, values, perKm2, per1000);
  return {
    ...rest,
    dataset: req.dataset,
    by: req.by,
    stat: parts.stat,
    value: parts.value?.name ?? null,
    minCount: k,
    length: counts.length,
    counts,
    values,
    suppressed,
    perKm2,
    per1000,
    rows,
    suppressedCells,
    timings: { assignMs, queryMs, totalMs: performance.now() - t0 },
  };
}

export function aggregateProjected(
  conn: DuckDBConnection,
  info: DatasetInfo,
  req: AggregateRequest,
  parts: QueryParts,
  k: number,
  t0: number,
): AggregateResult {
  const by = req.by as Extract<AggregateRequest['by'], { kind: 'grid' | 'hexagon' }>;
  if (!info.bbox) throw new Error(`${info.name} has no rows with coordinates`);
  const p = localProjection((info.bbox[0] + info.bbox[2]) / 2, (info.bbox[1] + info.bbox[3]) / 2);
  const sql = projectedCellsQuery(parts, p, by.kind, by.sizeM);
  const tq = performance.now();
  const r = conn.query(sql);
  const queryMs = performance.now() - tq;
  const cols = int32Column(r, '__col');
  const rowsIdx = int32Column(r, '__row');
  const n = r.numRows;
  const ids = new Int32Array(2 * n);
  const centers = new Float64Array(2 * n);
  const center = by.kind === 'grid' ? gridCenter : hexCenter;
  for (let i = 0; i < n; i++) {
    ids[2 * i] = cols[i];
    ids[2 * i + 1] = rowsIdx[i];
    const [lon, lat] = center(p, by.sizeM, cols[i], rowsIdx[i]);
    centers[2 * i] = lon;
    centers[2 * i + 1] = lat;
  }
  const area = by.kind === 'grid' ? gridCellAreaKm2(by.sizeM) : hexCellAreaKm2(by.sizeM);
  const shape = by.kind === 'grid' ? `squares of ${by.sizeM} m` : `pointy-top hexagons of ${by.sizeM} m radius (centre to corner)`;
  return finish(
    req,
    parts,
    k,
    {
      ids,
      h3: null,
      names: null,
      centers,
      counts: float64Column(r, '__n'),
      values: float64Column(r, '__value'),
      population: null,
      areasKm2: new Float64Array(n).fill(area),
      projection: { origin: [p.lon0, p.lat0], metresPerDegree: [p.kx, p.ky] },
      sql,
      method:
        `${shape} in a local equirectangular projection centred on ${p.lon0.toFixed(5)}, ${p.lat0.toFixed(5)} ` +
        `(${p.kx.toFixed(1)} m per degree of longitude, ${p.ky.toFixed(1)} m per degree of latitude, WGS84 radii there); ` +
        `cells assigned in SQL`,
      assignment: 'sql',
    },
    t0,
    0,
    queryMs,
  );
}


/** Names and population of the districts, in feature order. */
function districtAttributes(conn: DuckDBConnection, polygons: DatasetInfo, featureCount: number, by: Extract<AggregateRequest['by'], { kind: 'districts' }>) {
  const byRole = (name: string | null) => (name === null ? undefined : findColumn(polygons.columns, name));
  const nameCol = by.nameColumn !== undefined ? findColumn(polygons.columns, by.nameColumn) : byRole(nameColumn(polygons.columns));
  const popCol = by.populationColumn !== undefined ? findColumn(polygons.columns, by.populationColumn) : byRole(populationColumn(polygons.columns));
  if (popCol && popCol.kind !== 'number') throw new Error(`population column "${popCol.name}" is ${popCol.type}, not numeric`);
  const cols = [
    nameCol ? `CAST(${ident(nameCol.name)} AS VARCHAR) AS __name` : `NULL::VARCHAR AS __name`,
    popCol ? `CAST(${ident(popCol.name)} AS DOUBLE) AS __pop` : `NULL::DOUBLE AS __pop`,
  ];
  const hasFid = polygons.columns.some((c) => c.name === '__fid');
  const r = conn.query(select(cols, ident(polygons.id), hasFid ? 'ORDER BY "__fid"' : ''));
  if (r.numRows !== featureCount) throw new Error(`${polygons.name}: ${r.numRows} rows but ${featureCount} shapes`);
  const names = jsColumn(r, '__name').map((v, i) => (v == null ? String(i) : String(v)));
  return { names, population: popCol ? float64Column(r, '__pop') : null, nameColumn: nameCol?.name ?? null, populationColumn: popCol?.name ?? null };
}

export function aggregateAssigned(
  conn: DuckDBConnection,
  info: DatasetInfo,
  req: AggregateRequest,
  parts: QueryParts,
  k: number,
  got: { entry: AssignmentEntry; cached: boolean },
  t0: number,
  assignMs: number,
): AggregateResult {
  const { entry, cached } = got;
  const sql = assignedCellsQuery(parts, entry.table);
  const tq = performance.now();
  const r = conn.query(sql);
  const queryMs = performance.now() - tq;
  const cell = int32Column(r, '__cell');
  const counts = float64Column(r, '__n');
  const values = float64Column(r, '__value');
  const assignment = cached ? 'cached' : 'computed';
  const how = cached ? 'taken from the cache' : `computed for ${entry.positions.toLocaleString('en-US')} distinct positions`;
  const common = { sql, assignment, projection: null } as const;
  if (req.by.kind === 'h3') {
    const keys = cell.length ? Array.from(cell, (c) => entry.keys![c]) : [];
    const centers = new Float64Array(2 * keys.length);
    const areas = new Float64Array(keys.length);
    keys.forEach((h, i) => {
      [centers[2 * i], centers[2 * i + 1]] = h3Center(h);
      areas[i] = h3AreaKm2(h);
    });
    return finish(req, parts, k, {
      ...common,
      ids: new Int32Array(0),
      h3: h3SplitLongs(keys),
      names: null,
      centers,
      counts,
      values,
      population: null,
      areasKm2: areas,
      method: `H3 resolution ${req.by.resolution} cells from h3-js latLngToCell, ${how}, joined to the rows in SQL on the exact position`,
    }, t0, assignMs, queryMs);
  }
  const by = req.by as Extract<AggregateRequest['by'], { kind: 'districts' }>;
  const shapes = entry.shapes!;
  const nf = shapes.featureCount;
  const polyInfo = entry.polygons!;
  const attrs = districtAttributes(conn, polyInfo, nf, by);
  entry.areasKm2 ??= featureAreasKm2(shapes);
  // Every district, in feature order (empty ones included), then "outside".
  const all = { counts: new Float64Array(nf + 1), values: new Float64Array(nf + 1) };
  const emptyValue = parts.stat === 'count' || parts.stat === 'distinct' || parts.stat === 'sum' ? 0 : NaN;
  all.values.fill(emptyValue);
  for (let i = 0; i < cell.length; i++) {
    const at = cell[i] < 0 ? nf : cell[i];
    all.counts[at] = counts[i];
    all.values[at] = values[i];
  }
  const ids = new Int32Array(nf + 1);
  for (let f = 0; f < nf; f++) ids[f] = f;
  ids[nf] = -1;
  const areas = new Float64Array(nf + 1);
  areas.set(entry.areasKm2);
  areas[nf] = NaN;
  let population: Float64Array | null = null;
  if (attrs.population) {
    population = new Float64Array(nf + 1);
    population.set(attrs.population);
    population[nf] = NaN;
  }
  return finish(req, parts, k, {
    ...common,
    ids,
    h3: null,
    names: [...attrs.names, 'outside'],
    centers: null,
    counts: all.counts,
    values: all.values,
    population,
    areasKm2: areas,
    method:
      `districts of ${polyInfo.name} (${nf.toLocaleString('en-US')} features${attrs.nameColumn ? `, named by "${attrs.nameColumn}"` : ''}` +
      `${attrs.populationColumn ? `, residents from "${attrs.populationColumn}"` : ''}): point-in-polygon with a flatbush index over polygon ` +
      `bounding boxes and an exact even-odd ring test (holes excluded), ${how}, joined to the rows in SQL on the exact position; ` +
      `areas on the sphere (R = 6,371,008.8 m)`,
  }, t0, assignMs, queryMs);
}

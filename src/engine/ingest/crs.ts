// Coordinate reference systems: find a file's CRS (GeoParquet PROJJSON, the legacy
// GeoJSON `crs` member, LoadOptions.crs), and build the proj4 transform into WGS84
// lon/lat. proj4 has no EPSG database offline, so the codes city data commonly uses are
// listed here; anything else can be given as a proj4 string, WKT or PROJJSON.
import proj4 from 'proj4';
import { EngineError } from '../engine-error';
import type { Reproject } from './shapes';

const UTM = (zone: number, south: boolean, datum: string) =>
  `+proj=utm +zone=${zone}${south ? ' +south' : ''} ${datum} +units=m +no_defs`;
const GRS80 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0';

/** proj4 definitions of common projected city CRSs (from the EPSG registry). */
const KNOWN: Record<number, string> = {
  // British National Grid (OSGB36), with the 7-parameter shift to WGS84 (~5 m).
  27700:
    '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
  // NAD83 / New York Long Island (ftUS): NYC open data's X/Y Coordinate (State Plane).
  2263: `+proj=lcc +lat_0=40.1666666666667 +lon_0=-74 +lat_1=41.0333333333333 +lat_2=40.6666666666667 +x_0=300000 +y_0=0 ${GRS80} +units=us-ft +no_defs`,
  // NAD83 / Illinois East (ftUS): Chicago's X/Y Coordinate.
  3435: `+proj=tmerc +lat_0=36.6666666666667 +lon_0=-88.3333333333333 +k=0.999975 +x_0=300000.0000000001 +y_0=0 ${GRS80} +units=us-ft +no_defs`,
  // NAD83 / California zone 3 (ftUS): San Francisco.
  2227: `+proj=lcc +lat_0=36.5 +lon_0=-120.5 +lat_1=38.4333333333333 +lat_2=37.0666666666667 +x_0=2000000.0001016 +y_0=500000.0001016 ${GRS80} +units=us-ft +no_defs`,
  // RGF93 / Lambert-93 (France).
  2154: `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${GRS80} +units=m +no_defs`,
  // ETRS89 / LAEA Europe.
  3035: `+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 ${GRS80} +units=m +no_defs`,
  // Amersfoort / RD New (Netherlands).
  28992:
    '+proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.4171,50.3319,465.5524,1.9342,-1.6677,9.1019,4.0725 +units=m +no_defs',
  // CH1903+ / LV95 (Switzerland).
  2056: '+proj=somerc +lat_0=46.9524055555556 +lon_0=7.43958333333333 +k_0=1 +x_0=2600000 +y_0=1200000 +ellps=bessel +towgs84=674.374,15.056,405.346,0,0,0,0 +units=m +no_defs',
  // Belge 1972 / Belgian Lambert 72.
  31370:
    '+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs',
  // SWEREF99 TM (Sweden).
  3006: `+proj=utm +zone=33 ${GRS80} +units=m +no_defs`,
  // ETRS89 and NAD83 geographic: lon/lat on their own datum (sub-metre from WGS84 for maps).
  4258: `+proj=longlat ${GRS80} +no_defs`,
  4269: '+proj=longlat +datum=NAD83 +no_defs',
  3857: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
};
for (let z = 1; z <= 60; z++) {
  KNOWN[32600 + z] = UTM(z, false, '+datum=WGS84');
  KNOWN[32700 + z] = UTM(z, true, '+datum=WGS84');
}
for (let z = 28; z <= 38; z++) KNOWN[25800 + z] = UTM(z, false, GRS80);
for (let z = 1; z <= 23; z++) KNOWN[26900 + z] = UTM(z, false, '+datum=NAD83');
KNOWN[3785] = KNOWN[900913] = KNOWN[102100] = KNOWN[102113] = KNOWN[3857];

export interface ResolvedCrs {
  /** Short name shown to the user: "EPSG:27700", "OGC:CRS84", or the given text. */
  name: string;
  /** Null when the coordinates already are WGS84 lon/lat. */
  reproject: Reproject | null;
}

export const WGS84: ResolvedCrs = { name: 'EPSG:4326', reproject: null };

/** The EPSG code in the common spellings: EPSG:27700, urn:ogc:def:crs:EPSG::27700, .../EPSG/0/27700, 27700. */
function epsgCode(text: string): number | null {
  const t = text.trim();
  const m =
    /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/)(\d+)$/i.exec(t) ??
    /^(\d{4,6})$/.exec(t);
  return m ? Number(m[1]) : null;
}

function isWgs84Name(text: string): boolean {
  const t = text.trim().toUpperCase();
  return (
    /^(OGC:)?CRS:?84$/.test(t) ||
    /^URN:OGC:DEF:CRS:OGC:[\d.]*:CRS84$/.test(t) ||
    /OPENGIS\.NET\/DEF\/CRS\/OGC\/[\d.]+\/CRS84$/.test(t) ||
    t === 'WGS84' ||
    t === 'WGS 84'
  );
}

function transformFrom(def: string | object): Reproject {
  const conv = proj4(def as string, 'WGS84');
  return (x, y) => {
    const p = conv.forward([x, y]);
    return Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
  };
}

/**
 * Resolve a CRS given as text (EPSG code, URN, CRS84, proj4 string, WKT) or a PROJJSON
 * object. Throws a message (without the file name; the caller adds it) when unknown.
 */
export function resolveCrs(crs: unknown): ResolvedCrs {
  if (crs === undefined) return { name: 'OGC:CRS84', reproject: null };
  if (typeof crs === 'number') crs = String(crs);
  if (typeof crs === 'string') {
    if (isWgs84Name(crs)) return { name: 'OGC:CRS84', reproject: null };
    const code = epsgCode(crs);
    if (code !== null) {
      if (code === 4326 || code === 4979) return { name: `EPSG:${code}`, reproject: null };
      const def = KNOWN[code];
      if (!def) {
        throw new EngineError('crs-epsg-unknown', { code: String(code) });
      }
      return { name: `EPSG:${code}`, reproject: transformFrom(def) };
    }
    try {
      return { name: crs.length > 60 ? `${crs.slice(0, 57)}…` : crs, reproject: transformFrom(crs) };
    } catch {
      throw new EngineError('crs-unreadable', { crs: crs.slice(0, 80) });
    }
  }
  if (crs && typeof crs === 'object') {
    // PROJJSON: prefer the id (our EPSG table has the datum shifts), else let proj4 read it.
    const o = crs as { id?: { authority?: string; code?: string | number }; name?: string };
    if (o.id?.authority && o.id.code !== undefined) {
      const auth = String(o.id.authority).toUpperCase();
      if (auth === 'OGC' && String(o.id.code).toUpperCase() === 'CRS84') return { name: 'OGC:CRS84', reproject: null };
      if (auth === 'EPSG') {
        const code = Number(o.id.code);
        if (code === 4326 || code === 4979) return { name: `EPSG:${code}`, reproject: null };
        if (KNOWN[code]) return { name: `EPSG:${code}`, reproject: transformFrom(KNOWN[code]) };
      }
    }
    try {
      return { name: o.name ?? 'PROJJSON', reproject: transformFrom(crs) };
    } catch {
      throw new EngineError('crs-projjson-unreadable', { name: o.name ?? '?' });
    }
  }
  throw new EngineError('crs-not-text');
}

/** The legacy GeoJSON (2008) `crs` member: {type:'name', properties:{name}} or {type:'EPSG', properties:{code}}. */
export function geoJsonCrs(crs: unknown): string | undefined {
  if (!crs || typeof crs !== 'object') return undefined;
  const c = crs as { type?: string; properties?: { name?: unknown; code?: unknown } };
  if (c.type === 'name' && typeof c.properties?.name === 'string') return c.properties.name;
  if (c.type?.toUpperCase() === 'EPSG' && c.properties?.code !== undefined) return `EPSG:${c.properties.code}`;
  return undefined;
}

/** Where coordinates that are not lon/lat were found: lon/lat columns, a WKT column, a geometry column, or the file's geometries. */
export type NotLonLatWhere = { where: 'columns'; lon: string; lat: string } | { where: 'wkt' | 'geometry'; column: string } | { where: 'file' };

/** The failure for coordinates that are clearly not lon/lat when no CRS is known (an example position when there is one). */
export function notLonLat(fileName: string, at: NotLonLatWhere, example: [number, number] | null = null): EngineError {
  const ex: Record<string, string> = example ? { example: 'yes', x: String(example[0]), y: String(example[1]) } : { example: 'no' };
  return new EngineError('not-lon-lat', { ...at, ...ex }, { subject: fileName });
}

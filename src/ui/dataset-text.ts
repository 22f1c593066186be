// How a dataset's metadata reads in the panel: plain words for geometry, CRS, extent and
// time zones. Returns strings only; the components render them as React text.
import type { BBox, ColumnInfo, DatasetInfo, GeometryInfo, TimeColumnInfo } from '../engine/protocol';
import { formatBytes } from './format';

const q = (s: string) => `“${s}”`;

export function geometryText(g: GeometryInfo): string {
  const kind = g.kind === 'none' ? 'no geometry' : g.kind;
  const cols = g.sourceColumns ?? (g.lon && g.lat ? [g.lon, g.lat] : null);
  switch (g.source) {
    case 'columns':
      return cols ? `${kind}, from columns ${q(cols[0])}/${q(cols[1])}` : `${kind}, from columns`;
    case 'wkb':
      return `${kind}, from the WKB column ${q(g.column ?? 'geometry')} (GeoParquet)`;
    case 'wkt':
      return `${kind}, from the WKT column ${q(g.column ?? '?')}`;
    case 'geojson':
      return `${kind}, from GeoJSON geometries`;
    case 'topojson':
      return `${kind}, from TopoJSON arcs`;
    default:
      return kind;
  }
}

const CRS_SOURCE = { file: 'declared in the file', options: 'set when loading', default: 'assumed: the file does not say' };

export function crsText(g: GeometryInfo): string {
  const from = g.crsSource ? ` (${CRS_SOURCE[g.crsSource]})` : '';
  return `${g.crs}${from}${g.reprojected ? ', reprojected to WGS84 longitude/latitude' : ''}`;
}

const deg = (n: number) => n.toFixed(4);

export function bboxText(b: BBox): string {
  return `${deg(b[0])}, ${deg(b[1])} to ${deg(b[2])}, ${deg(b[3])} (lon, lat)`;
}

/** Which clock the values are on, said plainly. */
export function zoneText(t: TimeColumnInfo): string {
  if (t.zone === 'utc') return 'UTC';
  if (t.zone === 'offset') return 'UTC (converted from the offsets in the file)';
  return t.timeZone ? `local time (${t.timeZone})` : 'local time (zone not known)';
}

const iso = (s: string) => s.replace('T', ' ');

export function timeText(d: DatasetInfo): string | null {
  const r = d.timeRange;
  if (!r) return null;
  const col = d.timeColumns?.find((t) => t.column === r.column);
  return `${r.column}: ${iso(r.min)} to ${iso(r.max)}${col ? `, ${zoneText(col)}` : ''}`;
}

export function memoryText(d: DatasetInfo): string | null {
  if (d.memoryBytes === undefined && d.shapeBytes === undefined) return null;
  const table = d.memoryBytes ?? 0;
  const shapes = d.shapeBytes ?? 0;
  return shapes ? `${formatBytes(table + shapes)} (table ${formatBytes(table)}, shapes ${formatBytes(shapes)})` : formatBytes(table);
}

/** A column's type with what the engine found out about it (clock, category, JSON). */
export function columnText(c: ColumnInfo, times: TimeColumnInfo[] | undefined): string {
  const notes: string[] = [];
  const t = times?.find((x) => x.column === c.name);
  if (t) notes.push(zoneText(t));
  if (c.category) notes.push(`category${c.distinct !== undefined ? `, ${c.distinct} values` : ''}`);
  if (c.json) notes.push('JSON text');
  return notes.length ? `${c.type} · ${notes.join(' · ')}` : c.type;
}

// How a dataset's metadata reads in the panel: plain words for geometry, CRS, extent and
// time zones. Returns strings only; the components render them as React text.
import type { BBox, ColumnInfo, DatasetInfo, GeometryInfo, TimeColumnInfo } from '../engine/protocol';
import { formatBytes, formatFixed, t } from '../i18n';

export function geometryText(g: GeometryInfo): string {
  const kind = g.kind === 'none' ? t('metadata.noGeometry') : t(`geometry.${g.kind}`);
  const cols = g.sourceColumns ?? (g.lon && g.lat ? [g.lon, g.lat] : null);
  switch (g.source) {
    case 'columns':
      return cols ? t('metadata.fromColumns', { kind, x: cols[0], y: cols[1] }) : t('metadata.fromSomeColumns', { kind });
    case 'wkb':
      return t('metadata.fromWkb', { kind, column: g.column ?? 'geometry' });
    case 'wkt':
      return t('metadata.fromWkt', { kind, column: g.column ?? '?' });
    case 'geojson':
      return t('metadata.fromGeojson', { kind });
    case 'topojson':
      return t('metadata.fromTopojson', { kind });
    default:
      return kind;
  }
}

export function crsText(g: GeometryInfo): string {
  return t('metadata.crs', { crs: g.crs, source: g.crsSource ?? 'unknown', reprojected: g.reprojected ? 'yes' : 'no' });
}

const deg = (n: number) => formatFixed(n, 4);

export function bboxText(b: BBox): string {
  return t('metadata.extent', { west: deg(b[0]), south: deg(b[1]), east: deg(b[2]), north: deg(b[3]) });
}

/** Which clock the values are on, said plainly. */
export function zoneText(tc: TimeColumnInfo): string {
  if (tc.zone === 'utc') return t('metadata.utc');
  if (tc.zone === 'offset') return t('metadata.utcFromOffsets');
  return tc.timeZone ? t('metadata.localTime', { zone: tc.timeZone }) : t('metadata.localTimeUnknown');
}

// The engine's ISO 8601 wall-clock text, e.g. "2024-03-01 08:30:00": the same in every language.
const iso = (s: string) => s.replace('T', ' ');

export function timeText(d: DatasetInfo): string | null {
  const r = d.timeRange;
  if (!r) return null;
  const col = d.timeColumns?.find((c) => c.column === r.column);
  const range = { column: r.column, from: iso(r.min), to: iso(r.max) };
  return col ? t('metadata.timeRangeZone', { ...range, zone: zoneText(col) }) : t('metadata.timeRange', range);
}

export function memoryText(d: DatasetInfo): string | null {
  if (d.memoryBytes === undefined && d.shapeBytes === undefined) return null;
  const table = d.memoryBytes ?? 0;
  const shapes = d.shapeBytes ?? 0;
  return shapes
    ? t('metadata.memory', { total: formatBytes(table + shapes), table: formatBytes(table), shapes: formatBytes(shapes) })
    : formatBytes(table);
}

/** A column's type with what the engine found out about it (clock, category, JSON). */
export function columnText(c: ColumnInfo, times: TimeColumnInfo[] | undefined): string {
  const notes: string[] = [];
  const tc = times?.find((x) => x.column === c.name);
  if (tc) notes.push(zoneText(tc));
  if (c.category) notes.push(c.distinct !== undefined ? t('metadata.categoryValues', { n: c.distinct }) : t('metadata.category'));
  if (c.json) notes.push(t('metadata.json'));
  return notes.length ? `${c.type} · ${notes.join(' · ')}` : c.type;
}

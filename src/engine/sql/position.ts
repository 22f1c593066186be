import { ident } from './core';

/**
 * Rows with a usable WGS84 position. NULL fails BETWEEN, and DuckDB orders NaN above
 * every number, so NaN and ±inf fail too: one range test per axis, which matters on
 * every query over millions of rows.
 */
export function positionInRange(lon: string, lat: string): string {
  return `${ident(lon)} BETWEEN -180 AND 180 AND ${ident(lat)} BETWEEN -90 AND 90`;
}

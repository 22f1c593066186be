// Where the map looks and what it shows: the initial view, the dashboard's extent, a time
// window, and a map state (view, layers, time) as a story step sets it.
import { z } from 'zod';
import { t } from '../i18n/t';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** A map view: centre, zoom and optionally bearing and pitch. */
export const View = z
  .object({
    center: z.tuple([lon, lat]).describe('[longitude, latitude] of the centre, WGS84.'),
    zoom: z.number().min(0).max(22).describe('Zoom level, 0 (the world) to 22.'),
    bearing: z.number().min(-180).max(180).optional().describe('Degrees clockwise from north.'),
    pitch: z.number().min(0).max(85).optional().describe('Degrees of tilt, 0 (looking straight down) to 85.'),
  })
  .describe('A map view.');
export type View = z.infer<typeof View>;

/** [minLon, minLat, maxLon, maxLat], WGS84. */
export const Extent = z
  .tuple([lon, lat, lon, lat])
  .describe('The area the dashboard is about, [minLon, minLat, maxLon, maxLat]: the build cuts the detailed coastline of the backdrop to it.');
export type Extent = z.infer<typeof Extent>;

/** An ISO 8601 date or date-time: 2024-03-15, 2024-03-15T08:00, 2024-03-15T08:00:00Z. */
const IsoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, { error: () => t('config.isoTime') });

/** A time window: rows with from <= time < to. */
export const TimeWindow = z
  .object({
    from: IsoTime.describe('Start (included), an ISO 8601 date or date-time; local time of the dataset unless it ends in Z or an offset.'),
    to: IsoTime.describe('End (excluded), an ISO 8601 date or date-time.'),
    // Optional and additive (issue 14's before/after sides): which column, and which hours and weekdays.
    column: z.string().min(1).optional().describe("The time column; without it, the dataset's first timestamp column."),
    zone: z.string().min(1).optional().describe('IANA zone (or UTC) the hours and weekdays are read in; without it, the dataset’s time zone.'),
    hours: z
      .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
      .optional()
      .describe('Only rows with from ≤ local hour < to (may wrap midnight, 22 to 2).'),
    days: z.array(z.number().int().min(1).max(7)).min(1).optional().describe('Only these ISO weekdays, 1 = Monday … 7 = Sunday.'),
  })
  .describe('A time window, from (included) to (excluded).');
export type TimeWindow = z.infer<typeof TimeWindow>;

/** What the map shows: a view, which layers are visible, a time window. */
export const MapState = z
  .object({
    view: View.optional(),
    layers: z.array(z.string().min(1)).optional().describe('Ids of the layers shown; the others are hidden. Without it, the layers stay as they are.'),
    time: TimeWindow.optional(),
  })
  .describe('A map state: view, visible layers and time window.');
export type MapState = z.infer<typeof MapState>;

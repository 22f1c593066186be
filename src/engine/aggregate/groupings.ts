// Groupings of an aggregate's rows beyond cells × calendar bins, for the drill-down
// (issue 12): the whole city as one cell, and the local hour of the week as the bin.

/** Local hours in a week: hour-of-week bins are (ISO weekday − 1) · 24 + hour. */
export const HOURS_OF_WEEK = 168;

/**
 * `whole`: every position in one cell (the city's series). `hourOfWeek`: rows binned by
 * their display-zone hour of the week; the result's `bins.index` is each entry's hour of
 * the week, and its starts and offsets are empty.
 */
export interface AggregateHow {
  whole?: boolean;
  hourOfWeek?: boolean;
}

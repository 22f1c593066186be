// The main benchmark session, in one page: engine start, the three real files →
// queryable, grid/hex/H3/district aggregations cold and warm, time-window sliding,
// Gi*, then the peers (deck.gl, h3-js, turf, JSON.parse) on the same data.
import { atMost, dependsOn, longTasksAtMost, newStep, rateAtLeast, ratioAtMost, sampleInto, setStatus } from './steps.mjs';

export const DATA = {
  citibike: 'data/nyc_citibike_station_status_2024-03.parquet',
  tractsGeojson: 'data/nyc_census_tracts_2010.geojson',
  tractsParquet: 'data/nyc_census_tracts_2010.parquet',
  chicagoCsv: 'data/chicago_divvy_station_status_2013-10-01_07.csv',
};

/** Warm aggregations change only the statistic or a filter, never the cells. */
const WARM_VARIANTS = [
  { stat: 'mean', value: 'num_bikes_available' },
  { filters: [{ kind: 'range', column: 'num_ebikes_available', min: 1 }] },
  { stat: 'sum', value: 'num_docks_available' },
  { filters: [{ kind: 'range', column: 'capacity', min: 20 }] },
];

const SCHEMES = {
  hex: { kind: 'hexagon', sizeM: 500 },
  grid: { kind: 'grid', sizeM: 500 },
  h3: { kind: 'h3', resolution: 9 },
  districts: { kind: 'districts', polygons: 'tracts' },
};

/** The Citi Bike time range, from the data README, if the engine does not report one. */
const CITIBIKE_TIME = { min: '2024-03-12T22:23:50', max: '2024-03-23T14:49:01' };

/** A sliding-window step: ours merges the time cube, the peer rescans the rows. */
const windowStep = () => ({
  unit: 'per-second',
  peer: { id: 'rescan', label: 'rescan of the rows (the same windows 1 s off the hour bins, which the cube cannot merge)' },
  goals: [rateAtLeast(60, '≥ 60/s (≤ 16 ms per window change)')],
});

function makeSteps(cfg) {
  const n = '1.8M Citi Bike points';
  return {
    init: newStep('engine-init', 'engine start (DuckDB-WASM + parquet-wasm in the worker)'),
    tracts: newStep('load-tracts-geojson', 'NYC census tracts GeoJSON (2,166 polygons, 2.5 MB) → queryable', {
      peer: { id: 'json-parse', label: 'fetch + JSON.parse + row objects' },
      goals: [atMost(1000, '≤ 1 s')],
    }),
    csv: newStep('load-chicago-csv', 'Chicago Divvy CSV (106,895 rows, 8.3 MB) → queryable'),
    citibike: newStep('load-citibike', 'Citi Bike GeoParquet (1,798,339 rows, 15.6 MB) → queryable', {
      goals: [atMost(3000, '≤ 3 s'), longTasksAtMost(100, 'long tasks ≤ 100 ms')],
    }),
    hexCold: newStep('hex-cold', `hexagon r = 500 m, ${n}, cold`, {
      peer: { id: 'deck-hex', label: 'deck.gl HexagonLayer (CPU)' },
      goals: [ratioAtMost(0.1, '≥ 10× deck.gl')],
    }),
    hexWarm: newStep('hex-warm', `hexagon r = 500 m, ${n}, warm (stat/filter change)`),
    gridCold: newStep('grid-cold', `grid 500 m, ${n}, cold`, {
      peer: { id: 'deck-grid', label: 'deck.gl GridLayer (CPU)' },
      goals: [ratioAtMost(0.1, '≥ 10× deck.gl')],
    }),
    gridWarm: newStep('grid-warm', `grid 500 m, ${n}, warm (stat/filter change)`),
    h3Cold: newStep('h3-cold', `H3 res 9, ${n}, cold`, {
      peer: { id: 'h3-js', label: `h3-js latLngToCell + Map count (main thread)${cfg.h3Sample ? `, ${cfg.h3Sample.toLocaleString('en-US')}-point sample scaled to 1.8M` : ''}` },
      goals: [atMost(2000, '≤ 2 s')],
    }),
    h3Warm: newStep('h3-warm', `H3 res 9, ${n}, warm (stat/filter change)`),
    districtsCold: newStep('districts-cold', `${n} into 2,166 census tracts, cold`, {
      peer: { id: 'turf-tag', label: `turf.tag + count, ${cfg.turfSample.toLocaleString('en-US')}-point sample scaled to 1.8M` },
      goals: [atMost(1500, '≤ 1.5 s'), ratioAtMost(1 / 250, '≥ 250× turf')],
    }),
    districtsWarm: newStep('districts-warm', `${n} into 2,166 census tracts, warm (stat/filter change)`, {
      goals: [atMost(100, '≤ 100 ms')],
    }),
    windowHex: newStep('window-hex', 'time-window updates, hexagon 500 m (24 h window sliding by 1 h, New York hours)', windowStep()),
    windowH3: newStep('window-h3', 'time-window updates, H3 res 9 (24 h window sliding by 1 h, New York hours)', windowStep()),
    windowDistricts: newStep('window-districts', 'time-window updates, census tracts (24 h window sliding by 1 h, New York hours)', windowStep()),
    gistar: newStep('gistar', `Gi* hotspots request, hexagon 500 m, ${n} (aggregate cached)`),
    positions: newStep('positions', `point marks → main thread (${n}: distinct positions with row counts, transferred)`),
    draw: newStep('draw-points', `first frame of ${n} drawn by deck.gl (800×600, SwiftShader): the app's point layer`, {
      peer: { id: 'deck-scatter', label: 'ScatterplotLayer, one instance per row (binary attributes)' },
      goals: [atMost(1000, '≤ 1 s')],
    }),
  };
}

export async function runMain(s, cfg, log) {
  const S = makeSteps(cfg);
  const memory = [];
  const total = cfg.warmup + cfg.runs;
  const peerTotal = cfg.peerWarmup + cfg.peerRuns;
  const opts = { log };
  const snapshot = async (stage) => memory.push({ stage, ...(await s.memory()) });
  const agg = (points, by, extra = {}, timeout = 120_000) => () => s.op('aggregate', { points, by, ...extra }, timeout);

  const init = await sampleInto(S.init, 0, 0, () => s.op('init', {}, 120_000), opts);
  if (!init) return { steps: Object.values(S), memory, capabilities: [] };
  await snapshot('after engine start');

  // Tracts: ours and the JSON.parse pipeline interleaved, so both see the same machine load.
  for (let i = 0; i < total; i++) {
    const ok = await sampleInto(S.tracts, i, cfg.warmup, () => s.op('load', { key: 'tracts', url: DATA.tractsGeojson }, 120_000), opts);
    await sampleInto(S.tracts.peer, i, cfg.warmup, () => s.op('jsonLoad', { url: DATA.tractsGeojson }, 120_000), opts);
    if (ok && i < total - 1) await s.op('remove', { key: 'tracts' });
  }
  let polygonsNote = null;
  if (S.tracts.status !== 'ok') {
    // The district steps can still run if the engine reads polygons from GeoParquet.
    polygonsNote = 'districts used nyc_census_tracts_2010.parquet because the GeoJSON did not load';
    await s.op('load', { key: 'tracts', url: DATA.tractsParquet }, 120_000).catch((err) => {
      polygonsNote = null;
      setStatus(S.districtsCold, 'not available', `no polygon dataset: GeoJSON: ${S.tracts.reason}; GeoParquet: ${err.message}`);
    });
  }

  for (let i = 0; i < total; i++) {
    const ok = await sampleInto(S.csv, i, cfg.warmup, () => s.op('load', { key: 'chicago', url: DATA.chicagoCsv }, 120_000), opts);
    if (ok) await s.op('remove', { key: 'chicago' });
  }

  // Each Citi Bike load is followed by the cold aggregations on that fresh table: a new
  // table has no cached H3/district assignment, so every run is a true cold run.
  let citibike = null;
  for (let i = 0; i < total; i++) {
    citibike = await sampleInto(S.citibike, i, cfg.warmup, () => s.op('load', { key: 'citibike', url: DATA.citibike }, 180_000), opts);
    if (!citibike) break;
    await sampleInto(S.hexCold, i, cfg.warmup, agg('citibike', SCHEMES.hex), opts);
    await sampleInto(S.gridCold, i, cfg.warmup, agg('citibike', SCHEMES.grid), opts);
    await sampleInto(S.h3Cold, i, cfg.warmup, agg('citibike', SCHEMES.h3, {}, 180_000), opts);
    await sampleInto(S.districtsCold, i, cfg.warmup, agg('citibike', SCHEMES.districts, {}, 180_000), opts);
    if (i < total - 1) await s.op('remove', { key: 'citibike' });
  }
  if (polygonsNote) S.districtsCold.note = polygonsNote;
  await snapshot('Citi Bike (+ tracts) loaded, cold aggregations done');

  const warm = [
    [S.hexWarm, S.hexCold, 'hex'],
    [S.gridWarm, S.gridCold, 'grid'],
    [S.h3Warm, S.h3Cold, 'h3'],
    [S.districtsWarm, S.districtsCold, 'districts'],
  ];
  for (const [step, cold, scheme] of warm) {
    dependsOn(step, cold, `needs the cold ${scheme} aggregation`);
    for (let i = 0; i < total; i++) {
      await sampleInto(step, i, cfg.warmup, agg('citibike', SCHEMES[scheme], WARM_VARIANTS[i % WARM_VARIANTS.length]), opts);
    }
  }

  const range = citibike?.timeRange?.column === 'ts_utc' ? citibike.timeRange : CITIBIKE_TIME;
  const HOUR = 3_600_000;
  const windows = [
    [S.windowHex, S.hexCold, 'hex'],
    [S.windowH3, S.h3Cold, 'h3'],
    [S.windowDistricts, S.districtsCold, 'districts'],
  ];
  for (const [step, cold, scheme] of windows) {
    dependsOn(step, cold, `needs the cold ${scheme} aggregation`);
    dependsOn(step.peer, cold, `needs the cold ${scheme} aggregation`);
    const params = {
      points: 'citibike',
      by: SCHEMES[scheme],
      column: 'ts_utc',
      zone: 'America/New_York',
      // Whole hours: New York's offsets are whole hours, so these windows fall on its hour bins.
      from: Math.ceil(Date.parse(`${range.min}Z`) / HOUR) * HOUR,
      to: Date.parse(`${range.max}Z`),
      windowMs: 24 * HOUR,
      stepMs: HOUR,
      durationMs: cfg.windowMs,
    };
    // Ours and the rescan alternate, so a busy machine hurts both alike.
    for (let i = 0; i < cfg.warmup + cfg.windowPasses; i++) {
      const p = i < cfg.warmup ? { ...params, durationMs: 500 } : params;
      const pick = (r) => r.perSecond;
      await sampleInto(step, i, cfg.warmup, () => s.op('timeWindow', p, cfg.windowMs + 120_000), { ...opts, pick });
      await sampleInto(step.peer, i, cfg.warmup, () => s.op('timeWindow', { ...p, shiftMs: 1000 }, cfg.windowMs + 120_000), { ...opts, pick });
    }
    const last = step.details.at(-1);
    if (step.status === 'ok' && last) {
      const cube = last.cubeBytes != null ? `; ${last.fromCube} of ${last.aggregations} windows merged from the time cube (${(last.cubeBytes / 2 ** 20).toFixed(1)} MiB${last.cubeBuildMs != null ? `, built in ${last.cubeBuildMs.toFixed(0)} ms on the second window` : ''})` : '; no window came from the time cube';
      step.note = `median latency ${last.medianLatencyMs.toFixed(1)} ms, ${Math.round(last.meanRowsPerWindow).toLocaleString('en-US')} rows per window${cube}`;
    }
  }

  dependsOn(S.gistar, S.hexCold, 'needs the cold hex aggregation');
  for (let i = 0; i < total; i++) {
    await sampleInto(S.gistar, i, cfg.warmup, () => s.op('hotspots', { points: 'citibike', by: SCHEMES.hex }, 180_000), opts);
  }
  const gi = S.gistar.details.at(-1);
  if (gi) S.gistar.note = `ring:1, FDR, analytical; ${gi.cells.toLocaleString('en-US')} cells, ${gi.significant.toLocaleString('en-US')} hot or cold after FDR; engine after the aggregate ${gi.computeMs.toFixed(1)} ms`;
  await snapshot('after aggregations (assignment caches held)');

  // The peers need the positions on the main thread, as deck.gl and turf users have them.
  await sampleInto(S.positions, 0, 0, () => s.op('positions', { key: 'citibike' }, 120_000), opts);
  const marks = S.positions.details[0]?.marks;
  if (marks) S.positions.note = `${marks.toLocaleString('en-US')} marks; the page then expands them to one position per row for the peers (not timed)`;
  // The Citi Bike distribution (distinct positions and their row counts) seeds the scale test.
  const distribution = S.positions.status === 'ok' ? await s.op('distribution', { key: 'citibike' }, 60_000).catch(() => null) : null;
  // Drawing: ours and the peer alternate, so a busy machine hurts both alike.
  for (let i = 0; S.positions.status === 'ok' && i < peerTotal; i++) {
    await sampleInto(S.draw, i, cfg.peerWarmup, () => s.op('drawPoints', { key: 'citibike', merged: true }, 180_000), opts);
    await sampleInto(S.draw.peer, i, cfg.peerWarmup, () => s.op('drawPoints', { key: 'citibike', merged: false }, 300_000), opts);
  }
  const drawn = S.draw.details[0];
  const same = S.draw.samples.length && S.draw.peer.samples.length ? await s.op('compareDraws', { key: 'citibike' }).catch(() => null) : null;
  if (same) S.draw.pixelCheck = same;
  if (drawn) {
    S.draw.note =
      `ours draws ${drawn.instances.toLocaleString('en-US')} marks (identical rows merged, stacked opacity), the peer ${drawn.rows.toLocaleString('en-US')} instances; timed to a readPixels after the frame` +
      (same
        ? `; pixels drawn by either: ${same.covered.toLocaleString('en-US')}, of which ${same.opaque.toLocaleString('en-US')} opaque in both differ by at most ${same.maxDiffOpaque}/255 per channel;` +
          ` ${same.over16.toLocaleString('en-US')} anti-aliased edge pixels differ by more (up to ${same.maxDiff}/255): drawing every row rounds hundreds of faint edge copies away in the 8-bit framebuffer`
        : '');
  }
  const peer = (step, op, params, timeout = 180_000, pick) => async (i, warmup) =>
    sampleInto(step.peer, i, warmup, () => s.op(op, params(i, warmup), timeout), { ...opts, pick });
  const peers = [
    [S.hexCold, peer(S.hexCold, 'deckAggregate', () => ({ key: 'citibike', kind: 'hex', sizeM: 500 }))],
    [S.gridCold, peer(S.gridCold, 'deckAggregate', () => ({ key: 'citibike', kind: 'grid', sizeM: 500 }))],
    [S.h3Cold, peer(S.h3Cold, 'h3js', () => ({ key: 'citibike', resolution: 9, sample: cfg.h3Sample }), 180_000, (r) => r.scaledMs)],
    [
      S.districtsCold,
      peer(
        S.districtsCold,
        'turfJoin',
        (i, warmup) => ({ key: 'citibike', polygonsUrl: DATA.tractsGeojson, field: 'boro_ct2010', sample: i < warmup ? cfg.turfWarmupSample : cfg.turfSample, seed: 7 + i }),
        600_000,
        (r) => r.scaledMs,
      ),
    ],
  ];
  for (const [step, run] of peers) {
    if (S.positions.status !== 'ok') setStatus(step.peer, 'skipped', `no positions: ${S.positions.reason}`);
    for (let i = 0; i < peerTotal; i++) await run(i, cfg.peerWarmup);
  }
  await s.op('deckDone').catch(() => {});
  await snapshot('after the peers (main thread holds 1.8M positions)');
  return { steps: Object.values(S), memory, capabilities: init.capabilities ?? [], distribution };
}

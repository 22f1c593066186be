// The CLI's help text (`npm run cli -- help`).
import { STATS } from '../engine/aggregate/stats';

const CELLS = `      --by grid:<metres>            square cells of that side
           hex:<metres>             hexagons of that radius (centre to corner);
                                    hexagon:<metres> is the same
           h3:<resolution>          H3 cells, resolution 0-15
           districts:<polygon-file>[:<name-column>]
                                    the polygons of a GeoJSON/TopoJSON/GeoParquet file;
                                    points outside every polygon are reported as "outside"`;

const COMMON = `      --value <column>              numeric column for the statistic (any column for distinct)
      --stat <${STATS.join('|')}>
                                    default: count, or mean when --value is given
      --share-where <column><op><value>
                                    for --stat share: the fraction of rows matching it
                                    (rows where the column is empty are left out)
      --where <column><op><value>   repeatable; op is one of = != < <= > >=;
                                    = and != take a comma-separated list (\\, for a comma)
      --time <column>               the time column; needed only with a time option (--from,
                                    --to, --bin, --hours, --days, --before/--after), and only
                                    when the file has more than one timestamp column
      --time-format <strptime>      format of a text time column, e.g. %m/%d/%Y %I:%M:%S %p
      --tz <IANA zone>              the display zone (default UTC): bins, hours and days are
                                    local to it, and times without a zone are read in it
      --hours <from>-<to>           only rows with from <= local time < to, e.g. 7-10, 07:30-9;
                                    22-2 wraps midnight
      --days <weekdays>             only these ISO weekdays, e.g. mon-fri, sat,sun, fri-mon
      --min-count <k>               suppress cells with fewer than k rows (default 5; 0 = off)`;

export const USAGE = `Usage: npm run cli -- <command>

Commands:
  info <file>
      Rows, columns and types, geometry kind, bbox and time range of a file, as JSON.

  aggregate <points-file> --by <cells> --out <file.csv|file.geojson|file.parquet> [options]
${CELLS}
${COMMON}
      --from <time> --to <time>     time window [from, to) as ISO text, e.g. 2024-03-15T08:00
                                    or 2024-03-15T08:00-04:00
      --bin hour|day|week|month     one row per cell and bin: a bin column after id (its start,
                                    ISO 8601 with its offset); days start at local midnight,
                                    weeks on Monday

  hotspots <points-file> --by <cells> --out <file> [options]
      Getis-Ord Gi* per cell or district: z, two-sided p and a class (hot/cold at 99, 95,
      90 %), Benjamini-Hochberg corrected. Columns: id,count,value,z,p,class[,p_perm].
${CELLS}
${COMMON}
      --from <time> --to <time>     only the rows in [from, to)
      --rate km2|residents[:<column>]
                                    analyse the value per km², or per 1,000 residents
      --neighbours ring:<k>|knn:<k>|band:<metres>|queen|rook
                                    default ring:1 for cells, queen for districts
      --include-empty               count empty cells inside the points' hull as zeros
      --no-fdr                      compare p with 0.01/0.05/0.10 directly
      --permutations <N>            add p_perm, a conditional-permutation pseudo-p
      --seed <s>                    seed of the permutations (default 12345)

  compare <points-file> --by <cells> --before <from>/<to> --after <from>/<to> --out <file> [options]
      Before/after per cell or district, tested: count (rate ratio), mean (Welch t),
      share (two proportions). Columns: id,count_before,count_after,before,after,change,
      percent_change,p,class.
${CELLS}
${COMMON}
      --unit <column>[,hour|day|week|month]
                                    one value per unit (e.g. station_id,day) before testing
      --no-fdr                      compare p with 0.01/0.05/0.10 directly

  publish <config.json> --out <dir>
      Precompute the layers the config's stories show (and its visible layers) into
      <dir>/published/: one JSON file per layer and a manifest, which the citizen view
      (?mode=public) draws without starting the database. The config is left as it is.
      A step's before/after sides are published per layer and side time window
      (<layer>@<hash>.json), a layer on both sides under one pooled colour scale.

Times without a zone are read in the display zone (--tz, default UTC). A column known to hold UTC
(Citi Bike's ts_utc) is converted to it; a column of unknown zone (ts_local) is read as wall time in it.
With --hours/--days, compare counts only the kept hours of each window's length.
Files are read with the same engine as the web app (DuckDB-WASM, parquet-wasm).
`;

// Synthetic point sets for the scale test: rows drawn from the Citi Bike distribution
// (each station as often as it has rows) with a small jitter, so the spatial spread is
// the real one but every point is distinct; written as Parquet with parquet-wasm in this
// page and handed to the engine as a file.
import { makeVector, Table, tableToIPC } from 'apache-arrow';
import initParquet, { Compression, Table as ParquetTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { loadBytes, state } from './engine-ops';
import { mulberry32 } from './peers';
import { timed } from './probe';

/** Distinct positions of a point dataset and how many rows sit at each. */
export interface Distribution {
  lon: number[];
  lat: number[];
  weight: number[];
}

let parquetReady: Promise<unknown> | null = null;
let pending: Uint8Array | null = null;

/** About ±50 m in NYC: 0.0006° of longitude, 0.00045° of latitude. */
const JITTER_LON = 0.0006;
const JITTER_LAT = 0.00045;

/** Small enough to pass through the runner to other pages (Citi Bike: 2,202 stations). */
export function distribution({ key }: { key: string }) {
  const p = state.positions.get(key);
  if (!p) throw new Error(`no positions for "${key}"`);
  const at = new Map<string, number>();
  const out: Distribution & { ms: number } = { lon: [], lat: [], weight: [], ms: 0 };
  for (let i = 0; i < p.lon.length; i++) {
    const k = `${p.lon[i]},${p.lat[i]}`;
    let j = at.get(k);
    if (j === undefined) {
      at.set(k, (j = out.lon.length));
      out.lon.push(p.lon[i]);
      out.lat.push(p.lat[i]);
      out.weight.push(0);
    }
    out.weight[j]++;
  }
  return out;
}

export async function synth({ distribution: d, rows, seed }: { distribution: Distribution; rows: number; seed: number }) {
  parquetReady ??= initParquet({ module_or_path: parquetWasmUrl });
  await parquetReady;
  const t = await timed(() => {
    const cumulative = new Float64Array(d.weight.length);
    let sum = 0;
    d.weight.forEach((w, i) => (cumulative[i] = sum += w));
    const rand = mulberry32(seed);
    const lon = new Float64Array(rows);
    const lat = new Float64Array(rows);
    const bikes = new Int16Array(rows);
    for (let i = 0; i < rows; i++) {
      // Binary search for the station whose cumulative weight covers the draw.
      const x = rand() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      lon[i] = d.lon[lo] + (rand() - 0.5) * 2 * JITTER_LON;
      lat[i] = d.lat[lo] + (rand() - 0.5) * 2 * JITTER_LAT;
      bikes[i] = Math.floor(rand() * 40);
    }
    const ipc = tableToIPC(new Table({ lon: makeVector(lon), lat: makeVector(lat), num_bikes: makeVector(bikes) }), 'stream');
    const table = ParquetTable.fromIPCStream(ipc);
    // Row groups of about a million rows: the engine decodes and inserts one group at a time.
    const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).setMaxRowGroupSize(1 << 20).build();
    return writeParquet(table, props);
  });
  pending = t.value;
  return { ms: t.ms, bytes: t.value.byteLength, rows };
}

/** Load the last synthetic file into the engine (the bytes are transferred, not copied). */
export async function loadSynth({ key }: { key: string }) {
  if (!pending) throw new Error('no synthetic file (run the "synth" step first)');
  const bytes = pending;
  pending = null;
  return loadBytes({ key, fileName: `${key}.parquet`, bytes });
}

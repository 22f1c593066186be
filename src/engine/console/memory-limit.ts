// The memory a console statement may take: what DuckDB already holds (the datasets)
// plus a fixed headroom, never more than the engine's own limit. A runaway statement
// then fails with DuckDB's out-of-memory error instead of growing the wasm heap until
// the engine dies; the limit is reset to DuckDB's default after every statement.

/** What a console statement may allocate beyond what DuckDB holds already. */
export const CONSOLE_HEADROOM_BYTES = 1024 ** 3;

const UNITS: Record<string, number> = {
  b: 1, byte: 1, bytes: 1,
  kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12,
  kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4,
};

/** Bytes of a size as DuckDB prints it ("3.1 GiB", "117.7 MiB", "0 bytes"); null when unreadable. */
export function parseDuckDBSize(text: string): number | null {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-z]+)\s*$/i.exec(text);
  if (!m) return null;
  const unit = UNITS[m[2].toLowerCase()];
  return unit === undefined ? null : Number(m[1]) * unit;
}

/** The limit for a console statement: used + headroom, capped at the engine's limit (when known), whole bytes. */
export function consoleMemoryLimit(usedBytes: number, engineLimitBytes: number | null, headroom = CONSOLE_HEADROOM_BYTES): number {
  const wanted = usedBytes + headroom;
  return Math.floor(engineLimitBytes === null ? wanted : Math.min(wanted, engineLimitBytes));
}

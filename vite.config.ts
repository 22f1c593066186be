import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const duckdbBlockingBrowser = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

export default defineConfig({
  // Relative asset URLs: dist/ works under any sub-path of any static host.
  base: './',
  plugins: [react()],
  resolve: {
    // DuckDB's synchronous browser build runs inside our engine worker (no second worker hop),
    // but the package's export map does not list it.
    alias: { 'duckdb-browser-blocking': duckdbBlockingBrowser },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/setup-engine-wording.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: a single worker on CI's 2 cores,
    // which leaves one idle between a test's DuckDB queries and the next file's imports.
    // npx vitest run on 2 quiet cores: 236 s with 2 workers (620 tests), 382 s with 1 (605).
    maxWorkers: availableParallelism(),
  },
});

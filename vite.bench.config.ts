// Builds the benchmark page (bench/index.html) into bench-dist/page/: the real engine
// worker from src/engine/ plus the peer libraries, run by scripts/bench/run.mjs.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./bench'),
  base: './',
  // vendor/ (DuckDB's wasm) and data/ are linked in by the runner, not copied.
  publicDir: false,
  resolve: {
    // Same alias as the app (vite.config.ts): DuckDB's synchronous browser build.
    alias: { 'duckdb-browser-blocking': here('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs') },
  },
  worker: { format: 'es' },
  build: {
    outDir: here('./bench-dist/page'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    sourcemap: false,
    reportCompressedSize: false,
  },
});

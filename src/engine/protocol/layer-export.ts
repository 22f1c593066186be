// A cell layer's table as a file: the app's Export menu asks for it, and the worker builds
// it with the CLI's writer (src/engine/export), so the main thread never handles rows.
// Part of the engine contract (protocol/index.ts).
import type { CellsLayerQuery } from './layer';

/** The formats a layer's table is written in. */
export type LayerExportFormat = 'csv' | 'geojson' | 'parquet';

/** Export the table of `layer` (its aggregate, or its analysis's table) in `format`. */
export interface LayerExportRequest {
  layer: CellsLayerQuery;
  format: LayerExportFormat;
}

/** The file's bytes, its MIME type, and the table's rows and column names. */
export interface LayerExport {
  bytes: Uint8Array;
  mimeType: string;
  rows: number;
  columns: string[];
}

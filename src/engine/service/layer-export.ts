// The 'layer-export' request: a cell layer's table (its aggregate, or its hotspot or
// comparison table) written as CSV, GeoJSON or Parquet with the CLI's writer, so an
// export from the app has exactly the CLI's columns. Suppressed cells stay empty.
import type { Answer, LayerExport, RequestOf } from '../protocol';
import { aggregateTable, compareTable, hotspotTable } from '../export/tables';
import { tableToArrowIPC, tableToCsv, tableToGeoJSON } from '../export/write';
import { cellsResult, type LayerContext } from './layer';

const MIME = { csv: 'text/csv', geojson: 'application/geo+json', parquet: 'application/vnd.apache.parquet' } as const;

export async function layerExportAnswer(request: RequestOf<'layer-export'>, ctx: LayerContext): Promise<Answer<'layer-export'>> {
  const { result, analysis } = await cellsResult(request.layer, ctx);
  ctx.signal.throwIfAborted();
  const table =
    analysis?.kind === 'hotspots' ? hotspotTable(analysis.result) : analysis?.kind === 'compare' ? compareTable(analysis.result) : aggregateTable(result);
  let bytes: Uint8Array;
  if (request.format === 'csv') bytes = new TextEncoder().encode(tableToCsv(table));
  else if (request.format === 'geojson') {
    const by = result.by;
    bytes = new TextEncoder().encode(tableToGeoJSON(table, result, by.kind === 'districts' ? ctx.engine.polygons(by.polygons) : null));
  } else {
    const pq = ctx.engine.parquetModule;
    bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToArrowIPC(table)));
  }
  const value: LayerExport = { bytes, mimeType: MIME[request.format], rows: table.rows.length, columns: table.columns.map((c) => c.name) };
  return { request, sql: analysis?.result.sql ?? result.sql, method: analysis?.result.method ?? result.method, value };
}

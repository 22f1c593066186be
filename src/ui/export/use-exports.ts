// What the Export menu offers, for the active layer: the selected layer, or else the topmost
// visible layer with an aggregate. Tables are written in the worker (layer-export); the map
// image is composed here from the map's own frame; the config is the state of now.
import type { DatasetWindows } from '../../config/layer-query';
import { useMemo, type RefObject } from 'react';
import type { DashboardConfig } from '../../config/dashboard';
import { isAggregateLayer, type LayerSpec } from '../../config/layer';
import type { LinkSource, PageState } from '../../config/url-state';
import type { CellsLayerQuery, DatasetInfo, LayerExportFormat } from '../../engine/protocol';
import { formatDate, t } from '../../i18n';
import { measureLabel } from '../../map/layer-labels';
import type { MapLibreMap } from '../../map/maplibre';
import type { RenderedLayer } from '../../map/render-layers';
import type { Coordinator } from '../coordinator';
import { layerQuery } from '../layer-data';
import { legendRows } from '../legend-rows';
import { currentConfig } from './dashboard-config';
import { download } from './download';
import type { ExportItem } from './ExportMenu';
import { exportFileName } from './file-name';
import { captureMap, composeImage, pngBlob, type ImageText } from './map-image';

/** The layer an export is about (see above); null when no layer has an aggregate. */
export function activeLayer(rendered: readonly RenderedLayer[], selectedId: string | null): LayerSpec | null {
  const selected = rendered.find((r) => r.spec.id === selectedId);
  if (selected) return selected.spec;
  const top = rendered.find((r) => r.spec.visible && isAggregateLayer(r.spec) && (r.data.kind === 'cells' || r.data.kind === 'areas') && r.data.result);
  return top?.spec ?? null;
}

export interface ExportInput {
  map: RefObject<MapLibreMap | null>;
  coordinator: Coordinator | null;
  config: DashboardConfig | null;
  title: string;
  page: PageState | null;
  datasets: DatasetInfo[];
  sources: Record<string, LinkSource>;
  rendered: readonly RenderedLayer[];
  selectedId: string | null;
  minCount: number;
  /** Each dataset's time window: an exported table is the layer as drawn. */
  windows?: DatasetWindows;
  say: (p: { status?: string; alert?: string }) => void;
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The words drawn into the map image: title, every visible legend, attribution, date. */
export function imageText(title: string, rendered: readonly RenderedLayer[], attribution: string, now: Date): ImageText {
  return {
    title,
    legends: rendered.filter((r) => r.scale && r.spec.visible).map((r) => ({ title: `${r.spec.title} · ${measureLabel(r.spec)}`, rows: legendRows(r.scale!) })),
    attribution,
    date: t('export.madeOn', { date: formatDate(now, localZone()) }),
  };
}

/** The map's attribution as its control shows it. */
export function mapAttribution(map: MapLibreMap): string {
  return map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ?? '';
}

/** The map image as a PNG blob. */
export async function mapPng(map: MapLibreMap, text: ImageText): Promise<Blob> {
  const shot = await captureMap(map);
  return pngBlob(composeImage(shot, text, window.devicePixelRatio || 1));
}

export function useExports(input: ExportInput): ExportItem[] {
  const { map, coordinator, config, title, page, datasets, sources, rendered, selectedId, minCount, say, windows } = input;
  return useMemo(() => {
    const active = activeLayer(rendered, selectedId);
    const cells = active && isAggregateLayer(active) ? active : null;
    const saved = (name: string) => say({ status: t('export.saved', { file: name }) });
    const failed = (err: unknown) => say({ alert: t('export.failed', { message: (err as Error).message }) });
    const table = (format: LayerExportFormat, label: string): ExportItem => ({
      key: format,
      label,
      unavailable: cells && coordinator ? null : t('export.noAggregate'),
      run: async () => {
        if (!cells || !coordinator) return;
        try {
          // layerQuery of an aggregate layer is a cells query.
          const query = layerQuery(cells, minCount, windows) as CellsLayerQuery;
          const { value } = await coordinator.query({ type: 'layer-export', layer: query, format });
          const name = exportFileName(title, cells.title, new Date(), format);
          download(new Blob([value.bytes as Uint8Array<ArrayBuffer>], { type: value.mimeType }), name);
          saved(name);
        } catch (err) {
          failed(err);
        }
      },
    });
    return [
      {
        key: 'png',
        label: t('export.png'),
        unavailable: map.current ? null : t('export.noMap'),
        run: async () => {
          const m = map.current;
          if (!m) return;
          try {
            const now = new Date();
            const blob = await mapPng(m, imageText(title, rendered, mapAttribution(m), now));
            const name = exportFileName(title, active?.title ?? t('export.mapName'), now, 'png');
            download(blob, name);
            saved(name);
          } catch (err) {
            failed(err);
          }
        },
      },
      table('csv', t('export.csv')),
      table('geojson', t('export.geojson')),
      table('parquet', t('export.parquet')),
      {
        key: 'config',
        label: t('export.config'),
        unavailable: config && page ? null : t('export.noMap'),
        run: () => {
          if (!config || !page) return;
          const json = JSON.stringify(currentConfig(config, page, datasets, sources), null, 2) + '\n';
          const name = exportFileName(title, null, new Date(), 'citylens.config.json');
          download(new Blob([json], { type: 'application/json' }), name);
          saved(name);
        },
      },
    ];
  }, [map, coordinator, config, title, page, datasets, sources, rendered, selectedId, minCount, say, windows]);
}

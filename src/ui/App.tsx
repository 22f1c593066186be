import { useCallback, useMemo, useState, type DragEvent } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { MapView } from '../map/MapView';
import { describePick, pickText, type PickDetail } from '../map/picking';
import { en } from '../i18n/en';
import { useDashboard } from './use-dashboard';
import { useLayerData } from './use-layer-data';
import { useDeckLayers } from './use-deck-layers';
import { DatasetList } from './DatasetList';
import { LayerPanel } from './LayerPanel';
import { Legend } from './Legend';
import { DetailPanel } from './DetailPanel';
import { ProgressBar } from './ProgressBar';
import { BasemapPicker } from './BasemapPicker';
import { useBasemapChoice } from '../map/basemap-choice';

/** The app's base URL: where index.html lives, whatever sub-path the host serves it from. */
function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function App() {
  const baseUrl = useMemo(appBaseUrl, []);
  const { state, engine, openFiles, removeDataset, setSpecs } = useDashboard(baseUrl);
  const config = state.config;
  const basemap = useBasemapChoice(config?.basemap);
  const minCount = config?.minCount ?? 5;
  const layerData = useLayerData(engine, state.specs, minCount);
  const rendered = useDeckLayers(state.specs, layerData);
  // The first layer in the panel is drawn last, on top.
  const deckLayers = useMemo(() => [...rendered].reverse().flatMap((r) => r.layers), [rendered]);
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<{ specId: string; detail: PickDetail } | null>(null);

  const pick = useCallback(
    (info: PickingInfo) => {
      const specId = info.layer?.id.replace(/:(fill|outline)$/, '');
      const r = rendered.find((x) => x.spec.id === specId);
      if (!r || !info.picked) return null;
      const detail = describePick(r.spec, r.data, info.index, minCount);
      return detail ? { specId: r.spec.id, detail } : null;
    },
    [rendered, minCount],
  );

  const markFirstDraw = useCallback(() => {
    if (rendered.some((r) => r.data.kind === 'points') && performance.getEntriesByName('citylens:first-draw').length === 0) {
      performance.mark('citylens:first-draw');
    }
  }, [rendered]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) void openFiles(e.dataTransfer.files);
  };

  const selectedSpec = selected && state.specs.find((s) => s.id === selected.specId);

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {config && (
        <MapView
          baseUrl={baseUrl}
          center={config.view.center}
          zoom={config.view.zoom}
          layers={deckLayers}
          onAfterRender={markFirstDraw}
          tooltip={(info) => {
            const p = pick(info);
            return p ? pickText(p.detail) : null;
          }}
          onPick={(info) => setSelected(pick(info))}
          basemap={basemap}
        />
      )}
      {config && <BasemapPicker basemap={basemap} />}
      <aside className="panel" aria-label="Data and layers">
        <h1>{config?.title ?? en.appTitle}</h1>
        <label className="button">
          {en.openFile}
          <input
            type="file"
            multiple
            aria-label={en.openFile}
            accept=".parquet,.geoparquet,.csv,.tsv,.txt,.json,.geojson,.ndjson,.geojsonl,.topojson,.arrow,.arrows,.feather"
            onChange={(e) => {
              if (e.target.files) void openFiles([...e.target.files]);
              e.target.value = '';
            }}
          />
        </label>
        <DatasetList datasets={state.datasets} onRemove={removeDataset} />
        <LayerPanel specs={state.specs} datasets={state.datasets} data={layerData} onChange={setSpecs} />
      </aside>
      <div className="legends">
        {rendered
          .filter((r) => r.scale && r.spec.visible)
          .map((r) => (
            <Legend key={r.spec.id} spec={r.spec} scale={r.scale!} minCount={minCount}
              suppressedCells={r.data.kind !== 'points' ? (r.data.result?.suppressedCells ?? 0) : 0} />
          ))}
      </div>
      {selected && selectedSpec && (
        <DetailPanel detail={selected.detail} layerTitle={selectedSpec.title} onClose={() => setSelected(null)} />
      )}
      <footer className="statusbar">
        {state.progress && <ProgressBar progress={state.progress} />}
        <p role="status" aria-live="polite" className="status">
          {state.status}
        </p>
        <p role="alert" className="alert">
          {state.alert}
        </p>
      </footer>
    </div>
  );
}

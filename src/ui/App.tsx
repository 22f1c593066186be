import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { MapView } from '../map/MapView';
import { en } from '../i18n/en';
import { useDashboard } from './use-dashboard';
import { DatasetList } from './DatasetList';
import { ProgressBar } from './ProgressBar';

/** The app's base URL: where index.html lives, whatever sub-path the host serves it from. */
function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function App() {
  const baseUrl = useMemo(appBaseUrl, []);
  const { state, openFiles, removeDataset } = useDashboard(baseUrl);
  const [dragging, setDragging] = useState(false);
  const config = state.config;

  const markFirstDraw = useCallback(() => {
    if (state.layers.length && performance.getEntriesByName('citylens:first-draw').length === 0) {
      performance.mark('citylens:first-draw');
    }
  }, [state.layers]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) void openFiles(e.dataTransfer.files);
  };

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
          layers={state.layers}
          onAfterRender={markFirstDraw}
        />
      )}
      <aside className="panel" aria-label={en.datasets}>
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
      </aside>
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

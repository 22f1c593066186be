import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { MapView } from '../map/MapView';
import { describePick, pickText, type PickDetail } from '../map/picking';
import { getLocale, useT } from '../i18n';
import { configText } from './config-datasets';
import { useDashboard } from './use-dashboard';
import { useLayerData } from './use-layer-data';
import { useDeckLayers } from './use-deck-layers';
import type { RenderedLayer } from '../map/render-layers';
import { measureValues } from '../map/deck-layers';
import { DatasetPanel } from './DatasetPanel';
import { CatalogList } from './CatalogList';
import { LoadFromUrl } from './LoadFromUrl';
import { LayerPanel } from './LayerPanel';
import { Legend } from './Legend';
import { AnalysisLegend } from './AnalysisLegend';
import { PublishedLegends } from './PublishedLegends';
import { usePublishedPreview } from './use-published-preview';
import { cellBounds } from '../map/cell-bounds';
import type { LayerData } from '../map/deck-layers';
import { DetailPanel } from './DetailPanel';
import { ProgressBar } from './ProgressBar';
import { BasemapPicker } from './BasemapPicker';
import { LanguagePicker } from './LanguagePicker';
import { useBasemapChoice } from '../map/basemap-choice';
import type { MapLibreMap } from '../map/maplibre';
import type { BBox } from '../engine/protocol';
import { DEFAULT_MIN_COUNT } from '../engine/aggregate/privacy';
import type { View } from '../config/view';
import { formatView, type LinkState } from '../config/url-state';
import { applyLayerChanges } from '../config/url-layers';
import { NO_BASEMAP } from '../map/basemap';
import { baseLayers, useLink } from './use-link';
import { ExportMenu } from './export/ExportMenu';
import { activeLayer, useExports } from './export/use-exports';
import { PrintBrief } from './print/PrintBrief';
import { ConsolePanel, type ConsoleRequest } from './console/ConsolePanel';
import { MethodView } from './console/MethodView';
import { layerQueryOrNull } from './layer-data';
import { DrillDown } from './drill/DrillDown';
import { useDrill } from './drill/use-drill';
import { TimePanel } from './time/TimePanel';
import { AddStoryStep } from './story/AddStoryStep';
import { useStorySteps } from './story/use-story-steps';
import { useTime } from './time/use-time';
import { useAnnotations } from './use-annotations';
import { AnnotationPanel } from './AnnotationPanel';

/** Areas drawn without a value (not suppressed): the legend's "No data" entry. */
function noDataCount(r: RenderedLayer): number {
  const values = measureValues(r.spec, r.data);
  if (!values || r.data.kind === 'points' || r.data.kind === 'lines') return 0;
  const suppressed = r.data.result?.suppressed;
  // Districts end with one "outside" entry, which is not an area on the map.
  const n = r.data.kind === 'areas' && r.data.result ? r.data.mesh.featureCount : values.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i]) && !suppressed?.[i]) count++;
  return count;
}

/** The app's base URL: where index.html lives, whatever sub-path the host serves it from. */
function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function App() {
  const t = useT();
  const baseUrl = useMemo(appBaseUrl, []);
  const { state, coordinator, job, cancelLoad, openFiles, loadUrl, loadEntry, removeDataset, renameDataset, setSpecs, addDataset, say } =
    useDashboard(baseUrl);
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [consoleMade, setConsoleMade] = useState(false);
  if (consoleOpen && !consoleMade) setConsoleMade(true);
  const [consoleRequest, setConsoleRequest] = useState<ConsoleRequest | null>(null);
  const sqlButton = useRef<HTMLButtonElement>(null);
  const closeConsole = useCallback(() => {
    setConsoleOpen(false);
    sqlButton.current?.focus();
  }, []);
  const openInConsole = useCallback((sql: string, tables: string[]) => {
    setConsoleOpen(true);
    setConsoleRequest((r) => ({ sql, tables, seq: (r?.seq ?? 0) + 1 }));
  }, []);
  const map = useRef<MapLibreMap | null>(null);
  const notes = useAnnotations({ link: state.link, say });
  const { attach: attachNotes, restore: restoreNotes, leftOut: notesLeftOut } = notes;
  // The view as the map last settled: the link follows it (use-link.ts).
  const [view, setView] = useState<View | null>(null);
  const onMap = useCallback((m: MapLibreMap) => {
    map.current = m;
    attachNotes(m);
    const settle = () => {
      const c = m.getCenter();
      const v: View = { center: [c.lng, c.lat], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
      // For tests: the view as a link holds it.
      m.getContainer().dataset.view = formatView(v);
      setView(v);
    };
    settle();
    m.on('moveend', settle);
  }, [attachNotes]);
  // A ranked table's row: the cell's centre, or the district's outline from the layer's mesh.
  const zoomToCell = useCallback((data: LayerData, i: number) => {
    const b = cellBounds(data, i);
    if (b) map.current?.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 60, maxZoom: 15, duration: 600 });
  }, []);
  const zoomTo = useCallback((b: BBox) => {
    map.current?.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: 17, duration: 600 });
  }, []);
  const config = state.config;
  const basemap = useBasemapChoice(config?.basemap);
  const { restore: restoreBasemap } = basemap;
  const link = state.link;
  // The link's basemap; the map may go to its area only when the link names no view.
  useEffect(() => {
    if (link?.basemap) restoreBasemap(link.basemap, !link.view);
  }, [link, restoreBasemap]);
  const time = useTime({ config, datasets: state.datasets, sources: state.sources, link });
  const { restore: restoreTime } = time;
  const onPop = useCallback(
    (l: LinkState) => {
      if (!config) return;
      const v = l.view ?? config.view;
      map.current?.jumpTo({ center: v.center, zoom: v.zoom, bearing: v.bearing ?? 0, pitch: v.pitch ?? 0 });
      restoreBasemap(l.basemap ?? null);
      restoreTime(l.time);
      const base = baseLayers(state.datasets, config.layers);
      setSpecs(l.layers ? applyLayerChanges(base, l.layers, new Set(state.datasets.map((d) => d.id))).layers : base);
      // A link too long for its annotations never held them: keep those on the page.
      if (l.annotations || !notesLeftOut) restoreNotes(l.annotations ?? []);
    },
    [config, restoreBasemap, setSpecs, state.datasets, restoreTime, restoreNotes, notesLeftOut],
  );
  const page = useLink({
    enabled: state.restored,
    config,
    datasets: state.datasets,
    sources: state.sources,
    view,
    basemap: basemap.entry?.id ?? NO_BASEMAP,
    specs: state.specs,
    time: time.states,
    baseTime: time.baseStates,
    annotations: notes.annotations,
    onAnnotationsFit: notes.onFit,
    onPop,
  });
  const minCount = config?.minCount ?? DEFAULT_MIN_COUNT;
  const layerData = useLayerData(coordinator, state.specs, minCount, time.windows);
  const rendered = useDeckLayers(state.specs, layerData, time.fixedScales);
  // The first layer in the panel is drawn last, on top.
  const deckLayers = useMemo(() => [...rendered].reverse().flatMap((r) => r.layers), [rendered]);
  // Until their live layers draw, the first frame's layers come from the published files.
  const published = usePublishedPreview(state, rendered, layerData);
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
    // The first data layer of any kind, published or live: what a reader waits for, and what the benchmarks time.
    if (performance.getEntriesByName('citylens:first-draw').length === 0) performance.mark('citylens:first-draw');
  }, []);
  const markLiveDraw = useCallback(() => {
    if (rendered.some((r) => r.spec.visible !== false) && performance.getEntriesByName('citylens:first-live-draw').length === 0) {
      markFirstDraw();
      performance.mark('citylens:first-live-draw');
    }
  }, [rendered, markFirstDraw]);

  // An annotations file becomes annotations; any other file is data.
  const openAny = async (files: File[]) => {
    const rest = await notes.takeFiles(files);
    if (rest.length) await openFiles(rest);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) void openAny([...e.dataTransfer.files]);
  };

  const selectedSpec = selected && state.specs.find((s) => s.id === selected.specId);
  const drill = useDrill(selected, selectedSpec, rendered, minCount, state.datasets, time);
  const title = (config && configText(config, config.title, getLocale())) ?? t('app.title');
  const { exportConfig, addStep } = useStorySteps(config, page, say);
  const exportItems = useExports({
    map, coordinator, config: exportConfig, title, page, datasets: state.datasets, sources: state.sources, rendered,
    selectedId: selected?.specId ?? null, minCount, say, windows: time.windows,
  });

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        // Leaving for a child element is not leaving the app.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      {config && (
        <MapView
          baseUrl={baseUrl}
          center={(link?.view ?? config.view).center}
          zoom={(link?.view ?? config.view).zoom}
          bearing={link?.view?.bearing ?? config.view.bearing}
          pitch={link?.view?.pitch ?? config.view.pitch}
          layers={deckLayers}
          onAfterRender={markLiveDraw}
          published={published}
          onPublishedDrawn={markFirstDraw}
          onMap={onMap}
          tooltip={(info) => {
            const p = pick(info);
            return p ? pickText(p.detail) : null;
          }}
          onPick={(info) => !notes.drawing && setSelected(pick(info))}
          basemap={basemap}
        />
      )}
      {config && <BasemapPicker basemap={basemap} />}
      <aside className="panel" aria-label={t('app.panel')}>
        <h1>{title}</h1>
        <LanguagePicker languages={config?.languages} />
        <label className="button">
          {t('app.openFile')}
          <input
            type="file"
            multiple
            aria-label={t('app.openFile')}
            accept=".parquet,.geoparquet,.csv,.tsv,.txt,.json,.geojson,.ndjson,.geojsonl,.topojson,.arrow,.arrows,.feather"
            onChange={(e) => {
              if (e.target.files) void openAny([...e.target.files]);
              e.target.value = '';
            }}
          />
        </label>{' '}
        <LoadFromUrl baseUrl={baseUrl} onLoad={(url) => void loadUrl(url)} />{' '}
        <button type="button" ref={sqlButton} className="button" title={t('console.openLabel')} aria-expanded={consoleOpen}
          aria-controls="sql-console" onClick={() => (consoleOpen ? closeConsole() : setConsoleOpen(true))}>
          {t('console.open')}
        </button>
        {' '}
        <ExportMenu items={exportItems} />
        {' '}
        <AddStoryStep onAdd={addStep} />
        <DatasetPanel datasets={state.datasets} config={config} onRename={(id, name) => void renameDataset(id, name)}
          onRemove={(id) => void removeDataset(id)} onZoom={zoomTo} />
        {state.catalog && (
          <CatalogList entries={state.catalog.entries} datasets={state.datasets}
            onLoad={(entry) => void loadEntry(entry, state.catalog!.url)} />
        )}
        <LayerPanel specs={state.specs} datasets={state.datasets} data={layerData} onChange={setSpecs}
          method={(spec) => {
            const query = layerQueryOrNull(spec, minCount, time.windows);
            return query && <MethodView coordinator={coordinator} query={query} holder={`layer:${spec.id}`} onOpen={openInConsole} />;
          }} />
        <TimePanel coordinator={coordinator} time={time} specs={state.specs} layerData={layerData} minCount={minCount} />
        <AnnotationPanel notes={notes} />
      </aside>
      {/* Made on first open, then kept (hidden when closed) with its text, history and result. */}
      {consoleMade && (
        <ConsolePanel open={consoleOpen} onClose={closeConsole} coordinator={coordinator} datasets={state.datasets}
          onAdded={addDataset} request={consoleRequest} />
      )}
      <div className="legends">
        {rendered
          .filter((r) => r.scale && r.spec.visible)
          .map((r) => {
            const analysis = r.data.kind === 'cells' || r.data.kind === 'areas' ? r.data.analysis : null;
            return analysis ? (
              <AnalysisLegend key={r.spec.id} spec={r.spec} analysis={analysis} onSelect={(i) => zoomToCell(r.data, i)} />
            ) : (
            <Legend key={r.spec.id} spec={r.spec} scale={r.scale!} minCount={minCount}
              suppressedCells={r.data.kind === 'cells' || r.data.kind === 'areas' ? (r.data.result?.suppressedCells ?? 0) : 0}
              noData={noDataCount(r)} />
            );
          })}
        <PublishedLegends layers={published} />
      </div>
      {/* Always present, so screen readers announce the overlay when it appears. */}
      <div className="drop-region" aria-live="assertive">
        {dragging && <p className="drop-overlay">{t('app.dropHere')}</p>}
      </div>
      {selected && selectedSpec && (
        <DetailPanel detail={selected.detail} layerTitle={selectedSpec.title} onClose={() => setSelected(null)}>
          {coordinator && drill && (
            <DrillDown coordinator={coordinator} {...drill} fileStem={`${selectedSpec.id}-${selected.detail.title}`} />
          )}
        </DetailPanel>
      )}
      <footer className="statusbar">
        {job && <ProgressBar fileName={job.fileName} progress={job.progress} onCancel={cancelLoad} />}
        <p role="status" aria-live="polite" className="status">
          {state.status}
        </p>
        {/* The config's problems stay; a load's outcome follows them. */}
        <p role="alert" className="alert">
          {[...state.problems, state.alert].filter(Boolean).join('\n')}
        </p>
      </footer>
      <PrintBrief map={map} title={title} rendered={rendered} active={activeLayer(rendered, selected?.specId ?? null)} datasets={state.datasets} notes={notes.annotations}
        description={(config?.description && configText(config, config.description, getLocale())) ?? null} />
    </div>
  );
}

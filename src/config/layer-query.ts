// A LayerSpec as the engine's LayerQuery: the one place that knows both, for the app and
// the CLI's publish step. Colour, opacity and 3D are not in the query: they never refetch.
import type { LayerAnalysisQuery, LayerQuery, TimeWindow } from '../engine/protocol';
import type { LayerAnalysis } from './analysis';
import type { LayerSpec } from './layer';
import { filters, withRhythm } from './layer-rhythm';

/**
 * Time windows by dataset id: every cell layer on a dataset follows its dataset's (issue 12).
 * A window that filters nothing (only the column and zone) is the clock a layer's own
 * rhythm filters are read on.
 */
export type DatasetWindows = Readonly<Record<string, TimeWindow | null | undefined>>;

/**
 * What the engine computes for `spec`; a cell layer is cut to its dataset's time window in
 * `windows` and to its own hours and weekdays. Throws the user's message when those cannot
 * be asked for (layer-rhythm.ts).
 */
export function layerQuery(spec: LayerSpec, minCount: number, windows: DatasetWindows = {}): LayerQuery {
  const { dataset } = spec;
  switch (spec.kind) {
    case 'points': {
      // Point colours are computed in the worker, so their scale settings are data too.
      const scale = { scheme: spec.scheme, classification: spec.classification, classes: spec.classes, domain: spec.domain };
      return { kind: 'points', dataset, colour: spec.colorBy ? { column: spec.colorBy, scale } : undefined, sizeBy: spec.sizeBy };
    }
    case 'heatmap':
    case 'lines':
    case 'outlines':
      return { kind: spec.kind, dataset };
    case 'choropleth':
      return { kind: 'choropleth', dataset, column: spec.column };
  }
  const window = withRhythm(windows[dataset] ?? undefined, spec.rhythm, spec.title);
  const time = filters(window) ? window : undefined;
  const aggregate = { dataset, stat: spec.stat, value: spec.value, share: spec.share, minCount, time, analysis: analysisQuery(spec.analysis, time) };
  switch (spec.kind) {
    case 'hexagon':
      return { kind: 'hexagon', ...aggregate, by: { kind: 'hexagon', sizeM: spec.sizeM } };
    case 'grid':
      return { kind: 'grid', ...aggregate, by: { kind: 'grid', sizeM: spec.sizeM } };
    case 'h3':
      return { kind: 'h3', ...aggregate, by: { kind: 'h3', resolution: spec.resolution } };
    case 'districts':
      return { kind: 'districts', ...aggregate, by: { kind: 'districts', polygons: spec.districts } };
  }
}

/** A layer's analysis as the engine's query (the schema's defaults filled in). */
function analysisQuery(a: LayerAnalysis | undefined, time: TimeWindow | undefined): LayerAnalysisQuery | undefined {
  if (!a) return undefined;
  if (a.kind === 'hotspots') {
    const { kind, neighbours, rate, fdr, includeEmpty, permutations, seed } = a;
    return { kind, neighbours, rate, fdr, includeEmpty, permutations, seed };
  }
  // A comparison has its own windows; the hours and weekdays kept still hold within them.
  const { kind, before, after, unit, fdr } = a;
  const rhythm = time && (time.hours || time.days) ? { zone: time.zone, hours: time.hours, days: time.days } : {};
  return { kind, time: { column: a.time, ...rhythm }, before, after, unit, fdr };
}

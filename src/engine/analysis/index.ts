// The analysis room of the engine (issue 11): hotspots and before/after comparisons over
// the aggregator's cached assignments, answered by the 'hotspots' and 'compare' requests.
import type { CompareRequest, CompareResult, HotspotRequest, HotspotResult, PolygonShapes } from '../protocol';
import type { Aggregator } from '../aggregate/aggregator';
import { schemeOf } from '../aggregate/schemes';
import { convexHull } from '../aggregate/hull';
import { computeHotspots } from './hotspots';
import { packCompare } from './compare';
import { MAX_EMPTY_CELLS, withEmptyCells } from './empty-cells';
import { NeighbourCache } from './neighbour-cache';
import { EngineError } from '../engine-error';

export { defaultNeighbours, FEW_OBSERVATIONS } from './hotspots';
export { ruleText } from './rule-text';
export { compareTest, REPEATED_READINGS_RATIO } from './compare';

/** What the analysis needs besides the aggregator: the districts' polygons. */
export interface AnalysisHost {
  polygons(id: string): PolygonShapes | null;
}

/** Hotspots and comparisons of one engine, with the neighbour lists they cache. */
export class Analysis {
  readonly neighbourCache = new NeighbourCache();

  constructor(
    private readonly aggregator: Aggregator,
    private readonly host: AnalysisHost,
  ) {}

  /** Gi* over the request's aggregate. */
  async hotspots(req: HotspotRequest): Promise<HotspotResult> {
    const t0 = performance.now();
    const stat = req.stat ?? 'count';
    if (req.includeEmpty && req.by.kind !== 'districts' && stat !== 'count' && stat !== 'sum') {
      throw new EngineError('include-empty-stat', { stat });
    }
    let raw = await this.aggregator.aggregate({ ...req, minCount: 0 });
    let added = 0;
    const scheme = schemeOf(req.by);
    if (req.includeEmpty && scheme.emptyCellsInside) {
      const { x, y } = this.aggregator.positionsOf(req.dataset);
      const extra = scheme.emptyCellsInside(raw, convexHull(x, y), MAX_EMPTY_CELLS);
      added = extra.count;
      raw = withEmptyCells(raw, extra);
    }
    const shapes = req.by.kind === 'districts' ? this.host.polygons(req.by.polygons) : null;
    return computeHotspots(req, { raw, shapes, added }, this.neighbourCache, performance.now() - t0);
  }

  /** Before/after per cell or district. */
  async compare(req: CompareRequest): Promise<CompareResult> {
    return packCompare(req, await this.aggregator.compareCells(req));
  }

  /** Forget what is cached for a dataset. */
  forget(datasetId: string): void {
    this.neighbourCache.forget(datasetId);
  }
}

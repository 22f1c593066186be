// The plain-language summary of a before/after comparison (issue 14), as codes and numbers
// the citizen view words from its catalogue: the district with the largest significant
// change, or none. Significance is the engine's class (FDR applied where the layer asks).
import type { CompareResult } from '../engine/protocol';
import { CHANGE_CLASSES } from '../engine/stats/classes';
import type { CompareSummary } from '../config/published';

/** The confidence a change class states (99, 95, 90), or null when it is not significant. */
function levelOf(cls: string): 99 | 95 | 90 | null {
  const m = /^(?:increase|decrease)-(99|95|90)$/.exec(cls);
  return m ? (Number(m[1]) as 99 | 95 | 90) : null;
}

/**
 * The summary of a comparison whose cells have these ids and names: how many were tested
 * and significant, and the significant one with the largest relative change (ties: the
 * larger absolute change, then the first). Cells without a finite percent change (before
 * was 0) count as significant but cannot be the one named.
 */
export function compareSummary(result: CompareResult, ids: readonly string[], names: readonly (string | null)[] | null): CompareSummary {
  let significant = 0;
  let best = -1;
  for (let i = 0; i < result.classes.length; i++) {
    const level = levelOf(CHANGE_CLASSES[result.classes[i]]);
    if (level === null) continue;
    significant++;
    const pc = result.percentChange[i];
    if (!Number.isFinite(pc)) continue;
    if (best < 0) { best = i; continue; }
    const a = Math.abs(pc), b = Math.abs(result.percentChange[best]);
    if (a > b || (a === b && Math.abs(result.change[i]) > Math.abs(result.change[best]))) best = i;
  }
  const largest = best < 0 ? null : {
    id: ids[best],
    name: names?.[best] ?? null,
    direction: result.change[best] > 0 ? ('up' as const) : ('down' as const),
    before: result.before[best],
    after: result.after[best],
    percentChange: result.percentChange[best],
    level: levelOf(CHANGE_CLASSES[result.classes[best]])!,
    p: result.p[best],
  };
  return { test: result.test, tested: result.tested, significant, fdr: result.fdr, largest };
}

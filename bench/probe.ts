// What the benchmark watches besides elapsed time: main-thread long tasks (the
// PerformanceObserver 'longtask' entries, > 50 ms each) and memory.

export interface LongTaskSummary {
  /** Sum of long task time inside the step, ms (tasks that straddle its ends are clipped). */
  totalMs: number;
  maxMs: number;
  count: number;
}

const entries: PerformanceEntry[] = [];
new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

/** Long tasks overlapping [t0, t1], clipped to it. Waits a tick first: entries arrive after their task ends. */
export async function longTasksBetween(t0: number, t1: number): Promise<LongTaskSummary> {
  await new Promise((r) => setTimeout(r, 30));
  let totalMs = 0;
  let maxMs = 0;
  let count = 0;
  for (const e of entries) {
    const ms = Math.min(e.startTime + e.duration, t1) - Math.max(e.startTime, t0);
    if (ms <= 0) continue;
    totalMs += ms;
    maxMs = Math.max(maxMs, ms);
    count++;
  }
  return { totalMs, maxMs, count };
}

/** Run `fn`, timing it on the main thread's clock and collecting the long tasks it caused. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T; longTasks: LongTaskSummary }> {
  const t0 = performance.now();
  const value = await fn();
  const t1 = performance.now();
  return { ms: t1 - t0, value, longTasks: await longTasksBetween(t0, t1) };
}

export interface PageMemory {
  /** performance.memory.usedJSHeapSize of this page (main thread only), bytes. */
  mainHeapBytes: number | null;
  /** performance.measureUserAgentSpecificMemory(): page + workers, wasm memories included. */
  uaBytes: number | null;
  /** The same, attributed to the engine worker only. */
  uaWorkerBytes: number | null;
  uaError?: string;
}

interface UAMemoryResult {
  bytes: number;
  breakdown: { bytes: number; attribution: { scope: string; url?: string }[] }[];
}

export async function pageMemory(): Promise<PageMemory> {
  const perf = performance as Performance & {
    memory?: { usedJSHeapSize: number };
    measureUserAgentSpecificMemory?: () => Promise<UAMemoryResult>;
  };
  const out: PageMemory = { mainHeapBytes: perf.memory?.usedJSHeapSize ?? null, uaBytes: null, uaWorkerBytes: null };
  if (!perf.measureUserAgentSpecificMemory || !self.crossOriginIsolated) {
    out.uaError = 'measureUserAgentSpecificMemory unavailable (needs cross-origin isolation)';
    return out;
  }
  try {
    // Chromium may wait for the next GC; the runner passes a flag that makes it eager.
    const m = await Promise.race([
      perf.measureUserAgentSpecificMemory(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 20 s')), 20_000)),
    ]);
    out.uaBytes = m.bytes;
    out.uaWorkerBytes = m.breakdown
      .filter((b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope'))
      .reduce((s, b) => s + b.bytes, 0);
  } catch (err) {
    out.uaError = String((err as Error).message ?? err);
  }
  return out;
}

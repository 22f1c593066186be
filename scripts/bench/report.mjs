// Statistics and the Markdown report of a benchmark run (the JSON is the record; this
// is the readable view). Ratios are ours / peer: 0.05 means ours took 5% of the peer's time.

export function stats(samples) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length };
}

/** Median of the per-run long task totals, and the longest single task of any run. */
function longTaskStats(list) {
  const lt = (list ?? []).filter(Boolean);
  return lt.length ? { totalMs: stats(lt.map((l) => l.totalMs)).median, maxMs: Math.max(...lt.map((l) => l.maxMs)) } : null;
}

/** Fill in stats, peer stats, the ratio and the goal verdicts of every step record. */
export function finish(step) {
  step.stats = stats(step.samples);
  if (step.peer) step.peer.stats = stats(step.peer.samples);
  step.longTaskStats = longTaskStats(step.longTasks);
  if (step.peer) step.peer.longTaskStats = longTaskStats(step.peer.longTasks);
  // The ratio is always our time over the peer's: for rates, the peer's rate over ours.
  if (step.stats && step.peer?.stats) step.ratio = step.unit === 'per-second' ? step.peer.stats.median / step.stats.median : step.stats.median / step.peer.stats.median;
  for (const g of step.goals ?? []) g.met = g.check(step);
  return step;
}

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtRate = (r) => `${r.toFixed(r >= 10 ? 0 : 1)}/s`;
const fmtMiB = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;
export const fmtBytes = (b) => (b == null ? '—' : b >= 1 << 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(0)} MiB`);

function fmtStats(s, unit) {
  if (!s) return '—';
  const f = unit === 'per-second' ? fmtRate : unit === 'bytes' ? fmtMiB : fmtMs;
  return s.n > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

function fmtRatio(step) {
  if (step.ratio == null) return step.peer ? '—' : '';
  const r = step.ratio;
  const word = r <= 1 ? `${(1 / r).toFixed(1)}× faster` : `${r.toFixed(1)}× slower`;
  return `${r < 0.01 ? r.toExponential(1) : r.toFixed(3)} (${word})`;
}

function ours(step) {
  if (step.status !== 'ok') return `**${step.status}**${step.reason ? `: ${step.reason}` : ''}`;
  return fmtStats(step.stats, step.unit);
}

function peerCell(step) {
  const p = step.peer;
  if (!p) return '';
  if (p.status && p.status !== 'ok') return `${p.label}: **${p.status}**${p.reason ? ` (${p.reason})` : ''}`;
  const lt = p.longTaskStats ? ` · long tasks ${fmtMs(p.longTaskStats.totalMs)} (max ${fmtMs(p.longTaskStats.maxMs)})` : '';
  return `${p.label}: ${fmtStats(p.stats, step.unit)}${lt}`;
}

function goalCell(step) {
  return (step.goals ?? []).map((g) => `${g.text} ${g.met == null ? '(n/a)' : g.met ? '✅' : '❌'}`).join('<br>');
}

function longTaskCell(step) {
  const l = step.longTaskStats;
  return l ? `${fmtMs(l.totalMs)} (max ${fmtMs(l.maxMs)})` : '';
}

const rss = (r) => (r ? `${fmtBytes(r.rssBytes)} (${fmtBytes(r.peakRssBytes)})` : '—');
const esc = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(result) {
  const m = result.meta;
  const lines = [
    `# CityLens benchmark${m.quick ? ' (--quick)' : ''}`,
    '',
    `${m.date} · ${m.chromium} (headless, SwiftShader) · Node ${m.node} · ${m.cpus} × ${m.cpuModel} · load average ${m.loadAvgStart.map((x) => x.toFixed(1)).join('/')} at start, ${m.loadAvgEnd?.map((x) => x.toFixed(1)).join('/') ?? '?'} at end · git ${m.commit}${m.dirty ? ' + uncommitted changes' : ''}`,
    '',
    `Runs: ${m.runs} after ${m.warmup} warm-up (peers: ${m.settings.peerRuns} after ${m.settings.peerWarmup}; time window: ${m.settings.windowPasses} passes of ${m.settings.windowMs / 1000} s; app: ${m.settings.appRuns} cold starts). Times are medians (min–max) on the main thread's clock; engine calls include the Comlink round trip. Duration ${(m.durationMs / 1000).toFixed(0)} s.`,
    '',
    '| step | ours | n | peer | ours/peer | goal | main-thread long tasks (ours) | notes |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const s of result.steps) {
    lines.push(`| ${esc(s.label)} | ${esc(ours(s))} | ${s.stats?.n ?? ''} | ${esc(peerCell(s))} | ${fmtRatio(s)} | ${goalCell(s)} | ${longTaskCell(s)} | ${esc(s.note)} |`);
  }
  lines.push(
    '',
    '## Memory',
    '',
    '| when | main-thread JS heap | JS, page + workers (measureUserAgentSpecificMemory) | of which engine worker | renderer process RSS (peak) | DuckDB (duckdb_memory) | DuckDB memory_usage / limit | parquet-wasm heap |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const x of result.memory) {
    const e = x.engine;
    lines.push(
      `| ${esc(x.stage)} | ${fmtBytes(x.mainHeapBytes)} | ${x.uaBytes != null ? fmtBytes(x.uaBytes) : esc(x.uaError ?? '—')} | ${fmtBytes(x.uaWorkerBytes)} | ${rss(x.renderer)} | ${e ? fmtBytes(e.duckdbBytes) : esc(x.engineError ?? x.error ?? '—')} | ${e?.databaseSize ? `${e.databaseSize.memoryUsage} / ${e.databaseSize.memoryLimit}` : '—'} | ${fmtBytes(e?.parquetWasmBytes)} |`,
    );
  }
  lines.push('', '## Scale: synthetic points resampled from Citi Bike positions (±50 m jitter)', '');
  lines.push('| rows | status | write Parquet (page, not ours) | file → queryable | hex 500 m | grid 500 m | H3 res 9 (cold) | deck.gl hex (CPU) | first frame of the points (all distinct: no merging) | renderer RSS (peak) | DuckDB |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const s of result.scale) {
    // No samples and no failure: the step was not run at this size (e.g. deck.gl above 1M points).
    const t = (k) => (!s[k] ? '—' : s[k].stats ? fmtStats(s[k].stats) : s[k].status === 'ok' ? 'not run' : `**${s[k].status}**${s[k].reason ? `: ${esc(s[k].reason)}` : ''}`);
    lines.push(
      `| ${s.rows.toLocaleString('en-US')} | ${s.status}${s.sharedPage ? ' (in the main page, Citi Bike also loaded)' : ''}${s.reason ? `: ${esc(s.reason)}` : ''} | ${t('synth')} | ${t('load')} | ${t('hex')} | ${t('grid')} | ${t('h3')} | ${t('deckHex')} | ${t('draw')} | ${rss(s.memory?.renderer ?? s.memoryAfterLoad?.renderer)} | ${fmtBytes(s.memory?.engine?.duckdbBytes)} |`,
    );
  }
  lines.push('', `Largest size that loaded and aggregated without a crash: **${result.largestScale ? result.largestScale.toLocaleString('en-US') + ' rows' : 'none'}**.`);
  lines.push('', '## Notes', '', ...result.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

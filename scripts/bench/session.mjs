// Browser side of the benchmark runner: Chromium launched like the e2e harness, the
// bench page served cross-origin isolated (for measureUserAgentSpecificMemory), and
// ops called through window.runBench with a timeout each, so no step can hang the run.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../tests/e2e/harness.mjs';
import { serveStatic } from '../serve-static.mjs';

/** On top of the harness's flags: exact heap numbers and memory measurement without waiting for a GC. */
export const BENCH_FLAGS = ['--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory'];

export class StepTimeout extends Error {}
export class SessionDead extends Error {}

export async function launchBrowser() {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS, ...BENCH_FLAGS] });
}

/** serve-static.mjs plus COOP/COEP headers: the page becomes cross-origin isolated. */
export async function serveIsolated(root, base) {
  const served = await serveStatic({ root, base });
  served.server.prependListener('request', (_req, res) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  });
  return served;
}

/** The message of an error thrown in the page, without Playwright's prefix and the stack. */
export function pageMessage(err) {
  const msg = String(err?.message ?? err).replace(/^page\.evaluate:\s*/, '').replace(/^Error:\s*/, '');
  return msg.split('\n    at ')[0].trim();
}

/**
 * Resident memory of Chromium's renderer processes (Linux /proc), which, unlike the JS
 * heap APIs, includes the wasm memories of DuckDB and parquet-wasm. The largest renderer
 * is the bench page (one page is open at a time); VmHWM is its peak so far.
 */
export async function rendererRss(browser) {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    await cdp.detach();
    let best = null;
    for (const p of processInfo.filter((x) => x.type === 'renderer')) {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      const rss = kb('VmRSS');
      if (!best || rss > best.rssBytes) best = { rssBytes: rss, peakRssBytes: kb('VmHWM') };
    }
    return best;
  } catch {
    return null; // not Linux, or the process is gone
  }
}

export async function openBenchPage(browser, url, { log = () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  let dead = null;
  page.on('crash', () => (dead = 'the page crashed (out of memory?)'));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && errors.push(`[worker] ${m.text()}`)));
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
  const session = {
    page,
    errors,
    get dead() {
      return dead;
    },
    /** Run one op in the page; after a timeout or crash the session is closed and refuses more. */
    async op(name, params = {}, timeoutMs = 120_000) {
      if (dead) throw new SessionDead(`skipped: ${dead}`);
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new StepTimeout(`timed out after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      });
      try {
        return await Promise.race([page.evaluate(([n, p]) => window.runBench(n, p), [name, params]), timeout]);
      } catch (err) {
        if (err instanceof StepTimeout) {
          dead = `an earlier step (${name}) timed out`;
          log(`  ${name}: ${err.message}; closing this page`);
          await context.close().catch(() => {});
          throw err;
        }
        if (dead) throw new SessionDead(dead);
        throw new Error(pageMessage(err));
      } finally {
        clearTimeout(timer);
      }
    },
    /** The page's memory op plus the renderer's resident memory. */
    async memory() {
      const m = await this.op('memory', {}, 60_000).catch((err) => ({ error: String(err.message ?? err) }));
      return { ...m, renderer: await rendererRss(browser) };
    },
    close: () => context.close().catch(() => {}),
  };
  return session;
}

// Shared e2e set-up: Debian's Chromium driven by playwright-core, against the
// production build served by a plain static server from a sub-path.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/serve-static.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(root, 'dist');
export const SUB_PATH = '/a/b/';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install Debian\'s: `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  }
  return found;
}

export async function startBrowser({ range = true } = {}) {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server = await serveStatic({ root: DIST, base: SUB_PATH, range });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A page that records every request (workers included) and every console error,
 * so tests can assert "no other origin" and "no console errors".
 */
export async function openApp(browser, url, { viewport = { width: 1280, height: 800 }, setup } = {}) {
  const context = await browser.newContext({ viewport });
  // SwiftShader draws on the CPU: with 1.8M points a frame can hold the page's main thread
  // for many seconds on a 2-core machine, so every page call gets a generous timeout.
  context.setDefaultTimeout(120_000);
  const requests = [];
  const errors = [];
  // GETs by URL; other methods (the citizen view's HEAD checks of data files) prefixed by theirs.
  context.on('request', (r) => requests.push(r.method() === 'GET' ? r.url() : `${r.method()} ${r.url()}`));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && errors.push(`[worker] ${m.text()}`)));
  // Routes and init scripts that must be in place before the page starts.
  await setup?.(context, page);
  await page.goto(url);
  return { context, page, requests, errors };
}

/** Decode a PNG screenshot in a blank page and summarise its pixels. */
export async function pixelStats(browser, png, isData) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ b64, isDataSrc }) => {
        const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
        const bmp = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bmp, 0, 0);
        const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
        const isDataPixel = new Function('r', 'g', 'b', `return ${isDataSrc};`);
        const colours = new Set();
        let dataPixels = 0;
        for (let i = 0; i < data.length; i += 4) {
          colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
          if (isDataPixel(data[i], data[i + 1], data[i + 2])) dataPixels++;
        }
        return { width: bmp.width, height: bmp.height, distinctColours: colours.size, dataPixels };
      },
      { b64: png.toString('base64'), isDataSrc: isData },
    );
  } finally {
    await page.close();
  }
}

/** Wait for the status line that announces `name` loaded with `rows` rows, alone or with others. */
export async function waitLoaded(page, name, rows, timeout = 180_000) {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const text = new RegExp(`Loaded ${esc}: ${rows} rows|Loaded \\d+ datasets: .*\\b${esc} \\(${rows} rows\\)`);
  await page.getByRole('status').filter({ hasText: text }).waitFor({ timeout });
}

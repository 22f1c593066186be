// The map as a PNG with its title, legends, attribution and date drawn into the image.
// The WebGL canvas (MapLibre with deck.gl interleaved, one canvas) is copied inside the
// map's 'render' event, while its drawing buffer still holds the frame, so the map needs
// no preserveDrawingBuffer (which would cost every frame).
import type { MapLibreMap } from '../../map/maplibre';
import type { Rgba } from '../../scales/colour';
import type { LegendRow } from '../legend-rows';
import { t } from '../../i18n';

export interface ImageLegend {
  title: string;
  rows: LegendRow[];
}

export interface ImageText {
  title: string;
  legends: ImageLegend[];
  attribution: string;
  /** The date line, already worded. */
  date: string;
}

/** A copy of the map's current frame. */
export function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      copy.getContext('2d')!.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

const css = (c: Rgba) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(3)})`;
const FAMILY = ['system-ui', 'sans-serif'].join(', ');
/** A canvas font: `[weight] <size>px <family>`. */
const font = (px: number, weight = '') => [weight, `${px}px`, FAMILY].filter(Boolean).join(' ');

/** Words of `text` in lines no wider than `width`. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The composed image: a title band, the map with the legends over its lower left, and a footer. */
export function composeImage(shot: HTMLCanvasElement, text: ImageText, scale = 1): HTMLCanvasElement {
  const u = (n: number) => Math.round(n * scale);
  const pad = u(12);
  const titleSize = u(20);
  const small = u(12);
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = font(small);
  const footer = [...wrap(measure, text.attribution, shot.width - 2 * pad), text.date];
  const header = titleSize + 2 * pad;
  const footerH = footer.length * u(16) + 2 * pad - u(4);
  const out = document.createElement('canvas');
  out.width = shot.width;
  out.height = header + shot.height + footerH;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#1a2433';
  ctx.font = font(titleSize, '600');
  ctx.fillText(text.title, pad, pad, out.width - 2 * pad);
  ctx.drawImage(shot, 0, header);

  // Legends stacked in one box over the map's lower left corner.
  ctx.font = font(small);
  const rowH = u(17);
  const sw = u(14);
  let boxW = 0;
  let boxH = pad;
  for (const l of text.legends) {
    ctx.font = font(small, '600');
    boxW = Math.max(boxW, ctx.measureText(l.title).width);
    ctx.font = font(small);
    for (const r of l.rows) boxW = Math.max(boxW, sw + u(6) + ctx.measureText(r.label).width);
    boxH += rowH * (l.rows.length + 1) + u(6);
  }
  if (text.legends.length) {
    boxW = Math.min(boxW + 2 * pad, out.width - 2 * pad);
    let y = header + shot.height - boxH - pad;
    const x = pad;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
    ctx.fillRect(x, y, boxW, boxH);
    y += pad - u(4);
    for (const l of text.legends) {
      ctx.fillStyle = '#1a2433';
      ctx.font = font(small, '600');
      ctx.fillText(l.title, x + pad, y, boxW - 2 * pad);
      y += rowH;
      ctx.font = font(small);
      for (const r of l.rows) {
        ctx.fillStyle = css(r.colour);
        ctx.fillRect(x + pad, y, sw, sw - u(2));
        ctx.fillStyle = '#1a2433';
        ctx.fillText(r.label, x + pad + sw + u(6), y, boxW - 2 * pad - sw - u(6));
        y += rowH;
      }
      y += u(6);
    }
  }

  ctx.fillStyle = '#4a5568';
  ctx.font = font(small);
  footer.forEach((line, i) => ctx.fillText(line, pad, header + shot.height + pad + i * u(16)));
  return out;
}

/** The canvas as PNG bytes. */
export function pngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('export.pngFailed')))), 'image/png'));
}

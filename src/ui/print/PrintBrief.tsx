// The brief printed from the browser's print dialog (print.css): title, the map as an image
// with its legends and attribution, the top 10 of the active layer, its method in words and
// SQL, the notes drawn on the map, the sources and licences, the date and the link to this state. A WebGL canvas may
// print blank, so before printing the map's frame is drawn into an image, synchronously
// (map.redraw), since the print dialog does not wait.
import { useEffect, useRef, type RefObject } from 'react';
import type { LayerSpec } from '../../config/layer';
import type { DatasetInfo } from '../../engine/protocol';
import { engineText, formatDate, formatNumber, formatInteger, useT } from '../../i18n';
import { measureLabel } from '../../map/layer-labels';
import type { MapLibreMap } from '../../map/maplibre';
import type { RenderedLayer } from '../../map/render-layers';
import { composeImage } from '../export/map-image';
import { imageText, mapAttribution } from '../export/use-exports';
import { topRows } from './top-rows';
import { measureValues } from '../../map/deck-layers';
import type { Annotation } from '../../config/annotations';
import { annotationName } from '../use-annotations';
import './print.css';

interface Props {
  map: RefObject<MapLibreMap | null>;
  title: string;
  description: string | null;
  rendered: readonly RenderedLayer[];
  active: LayerSpec | null;
  datasets: readonly DatasetInfo[];
  /** The annotations: listed with their notes (the map image draws them). */
  notes?: readonly Annotation[];
}

/** The map's frame now, as a canvas; null when the map has nothing to draw yet. */
function frameNow(map: MapLibreMap): HTMLCanvasElement | null {
  let copy: HTMLCanvasElement | null = null;
  map.once('render', () => {
    const src = map.getCanvas();
    copy = document.createElement('canvas');
    copy.width = src.width;
    copy.height = src.height;
    copy.getContext('2d')!.drawImage(src, 0, 0);
  });
  map.redraw();
  return copy;
}

export function PrintBrief({ map, title, description, rendered, active, datasets, notes = [] }: Props) {
  const t = useT();
  const img = useRef<HTMLImageElement>(null);
  const meta = useRef<HTMLParagraphElement>(null);
  const attribution = useRef<HTMLParagraphElement>(null);
  const state = useRef({ title, rendered });
  state.current = { title, rendered };

  useEffect(() => {
    const prepare = () => {
      const m = map.current;
      const now = new Date();
      // Set directly: React would render after the print dialog has taken its copy.
      if (meta.current) meta.current.textContent = t('brief.meta', { date: formatDate(now, Intl.DateTimeFormat().resolvedOptions().timeZone), link: location.href });
      if (!m || !img.current) return;
      const text = imageText(state.current.title, state.current.rendered, mapAttribution(m), now);
      if (attribution.current) attribution.current.textContent = text.attribution;
      const frame = frameNow(m);
      if (frame) img.current.src = composeImage(frame, text, window.devicePixelRatio || 1).toDataURL('image/png');
    };
    window.addEventListener('beforeprint', prepare);
    return () => window.removeEventListener('beforeprint', prepare);
  }, [map, t]);

  const layer = active ? rendered.find((r) => r.spec.id === active.id) : undefined;
  const result = layer && (layer.data.kind === 'cells' || layer.data.kind === 'areas') ? layer.data.result : null;
  const values = layer && result ? measureValues(layer.spec, layer.data) : null;
  const rows = result && values ? topRows(result, values) : [];
  const used = new Set(rendered.filter((r) => r.spec.visible).flatMap((r) => [r.spec.dataset, ...(r.spec.kind === 'districts' ? [r.spec.districts] : [])]));

  return (
    <section className="print-brief" aria-label={t('brief.label')}>
      <h1>{title}</h1>
      {description && <p>{description}</p>}
      <img ref={img} className="brief-map" alt={t('brief.mapAlt', { title })} />
      <p ref={attribution} className="brief-meta" />
      {layer && rows.length > 0 && (
        <>
          <h2>{t('brief.top', { n: formatInteger(rows.length), layer: layer.spec.title })}</h2>
          <table>
            <thead>
              <tr>
                <th className="num">{t('brief.rank')}</th>
                <th>{t('brief.area')}</th>
                <th className="num">{measureLabel(layer.spec)}</th>
                <th className="num">{t('brief.rows')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.index}>
                  <td className="num">{formatInteger(i + 1)}</td>
                  <td>{r.label}</td>
                  <td className="num">{formatNumber(r.value, { significant: 4 })}</td>
                  <td className="num">{Number.isFinite(r.count) ? formatInteger(r.count) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {result && (
        <>
          <h2>{t('brief.method')}</h2>
          <p>{engineText(result.method)}</p>
          <pre>{result.sql}</pre>
        </>
      )}
      {notes.length > 0 && (
        <>
          <h2>{t('annotations.heading')}</h2>
          <ul className="brief-notes">
            {notes.map((a, i) => (
              <li key={a.id}>{t('brief.note', { name: annotationName(a, i), note: a.note })}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('brief.sources')}</h2>
      <ul>
        {datasets.filter((d) => used.has(d.id)).map((d) => (
          <li key={d.id}>{t('brief.source', { name: d.name, source: d.source ?? t('brief.notStated'), licence: d.licence ?? t('brief.notStated') })}</li>
        ))}
      </ul>
      <p ref={meta} className="brief-meta" />
    </section>
  );
}

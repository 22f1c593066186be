// The annotations of the analyst view: their list, the shape being drawn, the map's clicks
// and keys while drawing, the annotations file out (download) and in (a dropped or opened
// file that carries the marker). The link carries them through use-link.ts; this hook
// takes the list from the link the page opened with.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MapLibreMap } from '../map/maplibre';
import { attachAnnotationLayers, showAnnotations, type Draft } from '../map/annotation-layers';
import {
  MAX_ANNOTATIONS, annotationBounds, makeAnnotation, newAnnotationId, roundLonLat, type Annotation, type AnnotationKind,
} from '../config/annotations';
import { HEAD_BYTES, MAX_FILE_BYTES, annotationsToGeoJSON, isAnnotationsHead, readAnnotationsFile } from '../config/annotations-geojson';
import type { LinkState } from '../config/url-state';
import { formatBytes, t } from '../i18n';
import { download } from './export/download';

/** What the hook says in the status line or the alert region. */
export type Say = (message: { status?: string; alert?: string }) => void;

/** An annotation's name in the list and in its controls' labels: "Area 2". */
export function annotationName(a: Annotation, i: number): string {
  return t('annotations.name', { kind: t(`annotations.kind.${a.kind}`), n: String(i + 1) });
}

/** Keys typed into these are the field's own, not the drawing's. */
const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

export function useAnnotations({ link, say }: { link: LinkState | null; say: Say }) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [leftOut, setLeftOut] = useState(false);
  /** The annotation whose note field takes the focus once it is listed. */
  const [focusId, setFocusId] = useState<string | null>(null);
  const current = useRef({ annotations, draft });
  current.current = { annotations, draft };
  const sayRef = useRef(say);
  sayRef.current = say;

  // The link the page opened with.
  useEffect(() => {
    if (link?.annotations) setAnnotations(link.annotations);
  }, [link]);

  useEffect(() => (map ? attachAnnotationLayers(map) : undefined), [map]);
  useEffect(() => {
    if (map) showAnnotations(map, annotations, draft);
  }, [map, annotations, draft]);

  /** Adds a drawn shape to the list, or keeps drawing when it has too few vertices. */
  const complete = useCallback((d: Draft) => {
    const list = current.current.annotations;
    if (list.length >= MAX_ANNOTATIONS) return;
    const a = makeAnnotation(d.kind, d.vertices, newAnnotationId(list.map((x) => x.id)));
    if (!a) return;
    setAnnotations([...list, a]);
    setDraft(null);
    setFocusId(a.id);
    sayRef.current({ status: t('annotations.added', { name: annotationName(a, list.length) }) });
  }, []);

  const addVertex = useCallback((p: [number, number]) => {
    const d = current.current.draft;
    if (!d) return;
    const v = roundLonLat(p);
    const last = d.vertices[d.vertices.length - 1];
    // A double click's second click, or the centre added twice: one vertex.
    if (last && last[0] === v[0] && last[1] === v[1]) return;
    const next = { kind: d.kind, vertices: [...d.vertices, v] };
    if (d.kind === 'point') complete(next);
    else setDraft(next);
  }, [complete]);

  const finish = useCallback(() => {
    const d = current.current.draft;
    if (d) complete(d);
  }, [complete]);

  const cancel = useCallback(() => {
    if (!current.current.draft) return;
    setDraft(null);
    sayRef.current({ status: t('annotations.cancelled') });
  }, []);

  const removeVertex = useCallback(() => {
    setDraft((d) => (d ? { ...d, vertices: d.vertices.slice(0, -1) } : d));
  }, []);

  const drawing = draft?.kind ?? null;
  // While drawing: a click adds a vertex, a double click finishes (not zooms), keys as the toolbar says.
  useEffect(() => {
    if (!map || !drawing) return;
    const click = (e: { lngLat: { lng: number; lat: number } }) => addVertex([e.lngLat.lng, e.lngLat.lat]);
    const dblclick = (e: { preventDefault: () => void }) => {
      e.preventDefault();
      finish();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
      else if (e.key === 'Enter' && !typing(e.target) && !(e.target instanceof HTMLButtonElement)) finish();
      else if (e.key === 'Backspace' && !typing(e.target)) removeVertex();
      else return;
      e.preventDefault();
    };
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', click);
    map.on('dblclick', dblclick);
    window.addEventListener('keydown', key);
    return () => {
      map.off('click', click);
      map.off('dblclick', dblclick);
      window.removeEventListener('keydown', key);
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = '';
    };
  }, [map, drawing, addVertex, finish, cancel, removeVertex]);

  const start = useCallback((kind: AnnotationKind) => setDraft({ kind, vertices: [] }), []);
  /** For the keyboard: a vertex where the map's centre is (arrow keys move the map). */
  const addCentre = useCallback(() => {
    const c = map?.getCenter();
    if (c) addVertex([c.lng, c.lat]);
  }, [map, addVertex]);

  const setNote = useCallback((id: string, note: string) => setAnnotations((l) => l.map((a) => (a.id === id ? { ...a, note } : a))), []);
  const remove = useCallback((id: string) => setAnnotations((l) => l.filter((a) => a.id !== id)), []);
  const zoomTo = useCallback((a: Annotation) => {
    const [w, s, e, n] = annotationBounds(a);
    map?.fitBounds([[w, s], [e, n]], { padding: 80, maxZoom: 16, duration: 600 });
  }, [map]);

  const save = useCallback(() => {
    const file = `${t('annotations.fileName')}.geojson`;
    const text = JSON.stringify(annotationsToGeoJSON(current.current.annotations), null, 1);
    download(new Blob([text], { type: 'application/geo+json' }), file);
    sayRef.current({ status: t('export.saved', { file }) });
  }, []);

  /** Takes the annotations files among `files` (by their marker) and returns the rest, for loading as data. */
  const takeFiles = useCallback(async (files: Iterable<File>): Promise<File[]> => {
    const rest: File[] = [];
    for (const file of files) {
      const head = /\.(geo)?json$/i.test(file.name) ? await file.slice(0, HEAD_BYTES).text() : '';
      if (!isAnnotationsHead(head)) {
        rest.push(file);
        continue;
      }
      const bad = (problem: string) => sayRef.current({ alert: t('annotations.fileBad', { file: file.name, problem }) });
      if (file.size > MAX_FILE_BYTES) {
        bad(t('annotations.fileTooLarge', { size: formatBytes(MAX_FILE_BYTES) }));
        continue;
      }
      const read = readAnnotationsFile(await file.text());
      if (!read.ok) {
        bad(read.problem);
        continue;
      }
      const list = current.current.annotations;
      if (list.length + read.annotations.length > MAX_ANNOTATIONS) {
        bad(t('annotations.fileTooMany', { max: MAX_ANNOTATIONS }));
        continue;
      }
      // Ids the page already has get fresh ones: a file dropped twice adds its notes twice.
      const taken = new Set(list.map((a) => a.id));
      const added = read.annotations.map((a) => {
        const id = taken.has(a.id) ? newAnnotationId(taken) : a.id;
        taken.add(id);
        return { ...a, id };
      });
      current.current.annotations = [...list, ...added];
      setAnnotations(current.current.annotations);
      sayRef.current({ status: t('annotations.loaded', { n: added.length, file: file.name }), alert: '' });
    }
    return rest;
  }, []);

  return {
    annotations, draft, leftOut, focusId, drawing,
    attach: setMap, start, finish, cancel, addVertex, addCentre, removeVertex, setNote, remove, zoomTo, save, takeFiles,
    /** Back or forward: the link's annotations. */
    restore: setAnnotations,
    /** Whether the link holds the annotations (use-link.ts). */
    onFit: useCallback((fits: boolean) => setLeftOut(!fits), []),
    focused: useCallback(() => setFocusId(null), []),
  };
}

export type Annotations = ReturnType<typeof useAnnotations>;

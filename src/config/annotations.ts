// Annotations: a point, line or area drawn on the map with a note. One schema for the link
// (src/config/url-state.ts), the annotations file (GeoJSON) and the app's state. No version
// field: the shape is small and a later change can be told apart by what it carries.
// Coordinates are rounded to 1e-5° (about a metre), as the link rounds its view.
import { z } from 'zod';
import { t } from '../i18n/t';
import { issueText } from './issue-text';
import { formatPath } from './json-path';

/** The most annotations a page holds, and a note's length: a link and a file are input. */
export const MAX_ANNOTATIONS = 500;
export const MAX_NOTE = 2000;
/** The most positions one line or area has. */
export const MAX_VERTICES = 1000;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

const lonLat = z.tuple([
  z.number().min(-180).max(180).transform(round5),
  z.number().min(-90).max(90).transform(round5),
]);

const common = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  note: z.string().max(MAX_NOTE),
};

export const annotationSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('point'), coordinates: lonLat }),
  z.object({ ...common, kind: z.literal('line'), coordinates: z.array(lonLat).min(2).max(MAX_VERTICES) }),
  // An area's ring is open: the first position is not repeated at the end.
  z.object({ ...common, kind: z.literal('area'), coordinates: z.array(lonLat).min(3).max(MAX_VERTICES) }),
]);

export const annotationsSchema = z
  .array(annotationSchema)
  .max(MAX_ANNOTATIONS)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${a.id}` });
      seen.add(a.id);
    });
  });

export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationKind = Annotation['kind'];
export type LonLat = [number, number];

/** A position as the schema keeps it. */
export const roundLonLat = (p: readonly [number, number]): LonLat => [round5(p[0]), round5(p[1])];

/** The positions of an annotation, a point's one included. */
export function positions(a: Annotation): LonLat[] {
  return a.kind === 'point' ? [a.coordinates] : a.coordinates;
}

/** West, south, east, north of an annotation. */
export function annotationBounds(a: Annotation): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions(a)) {
    w = x < w ? x : w;
    e = x > e ? x : e;
    s = y < s ? y : s;
    n = y > n ? y : n;
  }
  return [w, s, e, n];
}

/** A short id not in `taken`. */
export function newAnnotationId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (;;) {
    const id = Math.random().toString(36).slice(2, 8);
    if (id.length === 6 && !used.has(id)) return id;
  }
}

/** The annotation as drawn: positions rounded and repeated neighbours (a double click's two clicks) merged; null when too few are left. */
export function makeAnnotation(kind: AnnotationKind, vertices: readonly (readonly [number, number])[], id: string, note = ''): Annotation | null {
  const pts: LonLat[] = [];
  for (const v of vertices) {
    const p = roundLonLat(v);
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (kind === 'area' && pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  const parsed = annotationSchema.safeParse(kind === 'point' ? { id, kind, note, coordinates: pts[0] } : { id, kind, note, coordinates: pts });
  return parsed.success ? parsed.data : null;
}

/** Parses one annotation; a problem in the catalogue's words, at its path, when it is not one. */
export function parseAnnotation(value: unknown): { ok: true; annotation: Annotation } | { ok: false; problem: string } {
  const parsed = annotationSchema.safeParse(value, { error: issueText });
  if (parsed.success) return { ok: true, annotation: parsed.data };
  const issue = parsed.error.issues[0];
  const where = formatPath(issue.path);
  return { ok: false, problem: where ? `${where}: ${issue.message}` : issue.message };
}

/** Annotations read from a link: the valid ones, and a problem naming how many were left out. */
export function readLinkAnnotations(value: unknown): { annotations: Annotation[]; problems: string[] } {
  if (!Array.isArray(value)) return { annotations: [], problems: [t('annotations.linkUnreadable')] };
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const item of value.slice(0, MAX_ANNOTATIONS)) {
    const parsed = annotationSchema.safeParse(item);
    if (parsed.success && !ids.has(parsed.data.id)) {
      ids.add(parsed.data.id);
      annotations.push(parsed.data);
    }
  }
  const left = value.length - annotations.length;
  return { annotations, problems: left ? [t('annotations.linkLeftOut', { n: left })] : [] };
}

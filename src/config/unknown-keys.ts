// Keys a config has that its schema does not know: zod drops them silently, but a typo
// ("titel") matters, so each becomes a warning that names it and, when a known key is one
// or two letters away, the key that was probably meant.
import { z } from 'zod';
import { t } from '../i18n/t';
import { formatPath, type JsonPath } from './json-path';
import type { ConfigProblem } from './problems';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Edits (insert, delete, substitute, swap neighbours) between two short strings. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known key closest to `key`, if it is close enough to be a typo. */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = key.toLowerCase();
  for (const k of known) {
    const dist = distance(lower, k.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [k, dist];
  }
  return best !== null && bestDistance <= Math.min(2, Math.floor(key.length / 3) + 1) ? best : null;
}

/** The schema with optional, default and similar wrappers removed. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodCatch || s instanceof z.ZodReadonly) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}

/** Of a union's options, the one `value` is meant for: the one it parses as, or whose discriminator it has. */
function unionOption(schema: z.ZodUnion, value: unknown): z.ZodType | null {
  const options = schema.options as readonly z.ZodType[];
  const parsed = options.find((o) => o.safeParse(value).success);
  if (parsed) return parsed;
  if (schema instanceof z.ZodDiscriminatedUnion && isObject(value)) {
    const key = schema.def.discriminator;
    return options.find((o) => {
      const u = unwrap(o);
      return u instanceof z.ZodObject && key in u.shape && (u.shape[key] as z.ZodType).safeParse(value[key]).success;
    }) ?? null;
  }
  // A value that is an object is meant for the one option that is an object.
  const objects = options.filter((o) => unwrap(o) instanceof z.ZodObject);
  return isObject(value) && objects.length === 1 ? objects[0] : null;
}

/** Every key in `value` that `schema` does not know, as warnings at their JSON paths. */
export function unknownKeys(schema: z.ZodType, value: unknown, at: JsonPath = []): ConfigProblem[] {
  const s = unwrap(schema);
  const out: ConfigProblem[] = [];
  if (s instanceof z.ZodObject && isObject(value)) {
    const shape = s.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    for (const [key, v] of Object.entries(value)) {
      if (key in shape) out.push(...unknownKeys(shape[key], v, [...at, key]));
      else {
        const meant = closest(key, known);
        out.push({ path: formatPath([...at, key]), message: meant ? t('config.unknownKeyTypo', { key, meant }) : t('config.unknownKey', { key }) });
      }
    }
  } else if (s instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((v, i) => out.push(...unknownKeys(s.element as z.ZodType, v, [...at, i])));
  } else if (s instanceof z.ZodRecord && isObject(value)) {
    for (const [key, v] of Object.entries(value)) out.push(...unknownKeys(s.valueType as z.ZodType, v, [...at, key]));
  } else if (s instanceof z.ZodUnion) {
    const option = unionOption(s, value);
    if (option) out.push(...unknownKeys(option, value, at));
  }
  return out;
}

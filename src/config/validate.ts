// Validates a dashboard config and reports every problem, each at its JSON path, while
// keeping what is usable. Three passes over the file as migrated to version 2:
// 1. zod, every issue (in the catalogue's words: issue-text.ts);
// 2. cross-references (cross-check.ts), which zod cannot see and would skip after a type error;
// 3. unknown keys, as warnings naming them (unknown-keys.ts).
// Whatever a problem touches is left out (an invalid layer, a setting that falls back to its
// default), so the rest of the dashboard still opens.
import { t } from '../i18n/t';
import { crossCheck, type CrossCheckOptions } from './cross-check';
import { CONFIG_VERSION, DashboardConfig, emptyDashboard } from './dashboard';
import { issueText } from './issue-text';
import { jsonErrorOffset, lineColumn } from './json-error';
import { formatPath } from './json-path';
import { migrateConfig } from './migrate';
import { formatProblem, type ConfigProblem } from './problems';
import { unknownKeys } from './unknown-keys';

/** Options of validateConfig: what the checks know beyond the file. */
export type ValidateOptions = CrossCheckOptions;

/** A usable config with every problem (the parts they touch left out) and warning. */
export interface ConfigReport {
  config: DashboardConfig;
  problems: ConfigProblem[];
  warnings: ConfigProblem[];
  /** The version the file was written in (1 is migrated); null when it could not be read. */
  from: number | null;
}

type Json = Record<string, unknown>;
type Key = string | number;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value the pruning marks for removal from its array. */
const REMOVED = Symbol('removed');

/** The container holding `path`'s last key, or undefined. */
function parentOf(root: unknown, path: readonly Key[]): unknown {
  let v: unknown = root;
  for (const k of path.slice(0, -1)) v = isObject(v) || Array.isArray(v) ? (v as Record<Key, unknown>)[k] : undefined;
  return v;
}

/**
 * Leaves out the value an issue is about: an optional key is deleted (its default applies),
 * an array item is removed; where the value is missing, the thing that holds it goes instead.
 */
function prune(root: Json, path: readonly Key[]): void {
  for (let p = path; p.length > 0; p = p.slice(0, -1)) {
    const parent = parentOf(root, p);
    const key = p[p.length - 1];
    if (Array.isArray(parent) && typeof key === 'number' && key < parent.length) {
      parent[key] = REMOVED;
      return;
    }
    if (isObject(parent) && typeof key === 'string' && key in parent && parent[key] !== undefined && key !== 'version') {
      delete parent[key];
      return;
    }
  }
}

/** Drops the items `prune` marked, everywhere. */
function sweep(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== REMOVED).map(sweep);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sweep(x)]));
  return v;
}

const issuePath = (path: readonly PropertyKey[]): Key[] => path.filter((k): k is Key => typeof k === 'string' || typeof k === 'number');

/** Validates a parsed JSON config (any version this CityLens reads). */
export function validateConfig(json: unknown, options: ValidateOptions = {}): ConfigReport {
  const migrated = migrateConfig(json);
  if (!migrated.ok) return { config: emptyDashboard(), problems: [migrated.problem], warnings: [], from: null };
  const raw = migrated.json;

  const first = DashboardConfig.safeParse(raw, { error: issueText });
  const problems: ConfigProblem[] = first.success ? [] : first.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const cross = crossCheck(raw, options);
  problems.push(...cross.problems);
  const warnings = [...unknownKeys(DashboardConfig, raw), ...cross.warnings];

  if (first.success && cross.dropLayers.size === 0) return { config: first.data, problems, warnings, from: migrated.from };
  // What is left once every part a problem touches is left out; a cut can expose another
  // (a deleted required key), so repeat, a bounded number of times.
  let work: Json = structuredClone(raw);
  if (Array.isArray(work.layers)) for (const i of cross.dropLayers) prune(work, ['layers', i]);
  let issues = first.success ? [] : first.error.issues;
  for (let round = 0; round < 20; round++) {
    for (const issue of issues) prune(work, issuePath(issue.path));
    work = sweep(work) as Json;
    const next = DashboardConfig.safeParse(work);
    if (next.success) return { config: next.data, problems, warnings, from: migrated.from };
    issues = next.error.issues;
  }
  return { config: emptyDashboard(), problems, warnings, from: migrated.from };
}

/** Validates the text of a config file: JSON first, then validateConfig. */
export function validateConfigText(text: string, options: ValidateOptions = {}): ConfigReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { config: emptyDashboard(), problems: [{ path: '', message: jsonError(text) }], warnings: [], from: null };
  }
  return validateConfig(json, options);
}

/** "not valid JSON (line 3, column 7)", where the text stops being JSON. */
function jsonError(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return t('config.notJson');
  const { line, column } = lineColumn(text, offset);
  return t('config.notJsonAt', { line: String(line), column: String(column) });
}

/** Every problem, then every warning, as alert lines naming the file. */
export function reportLines(fileName: string, report: Pick<ConfigReport, 'problems' | 'warnings'>): string[] {
  return [...report.problems, ...report.warnings].map((p) => formatProblem(fileName, p));
}

/** The config, or an error naming the file and its first problem (for scripts and tests). */
export function parseConfig(json: unknown, fileName: string, options: ValidateOptions = {}): DashboardConfig {
  const report = validateConfig(json, options);
  if (report.problems.length) throw new Error(formatProblem(fileName, report.problems[0]));
  return report.config;
}

export { CONFIG_VERSION };

// zod's issues in the catalogue's words, for config files: "expected number, got string",
// "must be at most 1". A message a schema sets itself (an unknown layer kind) wins over these.
import type { z } from 'zod';
import { t } from '../i18n/t';

/** What a JSON value is: string, number, boolean, null, array or object. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** The message for one zod issue, or undefined to keep zod's own. */
export function issueText(issue: z.core.$ZodRawIssue): string | undefined {
  // A key that is not there, whatever it should have held (a union names no type of its own).
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return t('config.required');
  switch (issue.code) {
    case 'invalid_type':
      return t('config.wrongType', { expected: String(issue.expected), actual: jsonType(issue.input) });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return t('config.empty');
      if (issue.origin === 'array') return t('config.tooFew', { n: Number(issue.minimum) });
      return t(issue.inclusive === false ? 'config.above' : 'config.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array') return t('config.tooMany', { n: Number(issue.maximum) });
      return t(issue.inclusive === false ? 'config.below' : 'config.atMost', { max: String(issue.maximum) });
    case 'invalid_value':
      return t('config.oneOf', { values: list(issue.values), actual: JSON.stringify(issue.input) ?? String(issue.input) });
    default:
      return undefined;
  }
}

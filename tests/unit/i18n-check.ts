// Compares a catalogue with the English one: the same keys, and in each message the same
// arguments of the same kinds, so a translation can be given the values English is given.
import { IntlMessageFormat } from 'intl-messageformat';
// The parser is intl-messageformat's own (a dependency of it); only its element types are used.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'simple',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

function collect(elements: MessageFormatElement[], into: Map<string, string>): void {
  for (const el of elements) {
    const kind = KIND[el.type];
    // An argument used twice (a select whose `other` repeats it) has the kind of its first use.
    if (kind && 'value' in el && !into.has(el.value)) into.set(el.value, kind);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      for (const option of Object.values(el.options)) collect(option.value, into);
    }
  }
}

/** Each argument of an ICU message with its kind ('simple', 'plural', 'select', …), sorted by name. */
export function messageArguments(message: string, locale = 'en'): [string, string][] {
  const found = new Map<string, string>();
  collect(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst(), found);
  return [...found].sort(([a], [b]) => a.localeCompare(b));
}

/** What is wrong with `candidate` against `reference`: missing and extra keys, argument mismatches, parse errors. */
export function catalogueProblems(reference: Record<string, string>, candidate: Record<string, string>, locale: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(reference)) {
    if (!Object.hasOwn(candidate, key)) {
      problems.push(`${key}: missing`);
      continue;
    }
    try {
      const want = JSON.stringify(messageArguments(reference[key]));
      const got = JSON.stringify(messageArguments(candidate[key], locale));
      if (want !== got) problems.push(`${key}: arguments ${got}, English has ${want}`);
    } catch (err) {
      problems.push(`${key}: ${(err as Error).message}`);
    }
  }
  for (const key of Object.keys(candidate)) if (!Object.hasOwn(reference, key)) problems.push(`${key}: not in English`);
  return problems;
}

// The arguments an ICU message takes, read from its text at compile time, so that
// t('load.loaded', { name, rows }) fails to compile when an argument is missing or mistyped.
//
// Vocabulary (ICU MessageFormat, the subset our catalogues use):
// - simple argument `{name}`: a string. Numbers are formatted by src/i18n/format.ts first,
//   so no number reaches a message unformatted (intl-messageformat would print it raw).
// - `{n, plural, one {…} other {…}}` and `{n, selectordinal, …}`: a number, which `#` prints
//   in the active locale. `{n, number}`: a number.
// - `{x, select, a {…} other {…}}`: a string.
// - `{d, date}`, `{d, time}`: a Date or epoch milliseconds.
// The scanner walks brace to brace (not character by character), keeping a stack of
// contexts: in message text a `{` opens an argument; inside a plural/select a `{` opens
// an option body, which is message text again. Apostrophe quoting is not understood: the
// catalogues never quote braces (tests/unit/i18n-catalogue.test.ts checks the English one).

type Context = 'text' | 'options';
type Blank = ' ' | '\n' | '\t';
type Trim<S extends string> = S extends `${Blank}${infer R}` ? Trim<R> : S extends `${infer R}${Blank}` ? Trim<R> : S;

/** The first brace of S: which one, the text before it and the text after it. */
type NextBrace<S extends string> = S extends `${infer Before}{${infer After}`
  ? Before extends `${infer B}}${infer A}`
    ? ['}', B, `${A}{${After}`]
    : ['{', Before, After]
  : S extends `${infer Before}}${infer After}`
    ? ['}', Before, After]
    : null;

type Pop<Stack extends Context[]> = Stack extends [Context, ...infer Rest extends Context[]] ? Rest : [];
type Top<Stack extends Context[]> = Stack extends [infer C extends Context, ...Context[]] ? C : 'text';

/** After `{` in message text: the argument's name, its kind, and where scanning resumes. */
type ArgumentHead<S extends string> = S extends `${infer Name},${infer Rest}`
  ? Name extends `${string}}${string}`
    ? SimpleHead<S>
    : ComplexHead<Trim<Name>, Rest>
  : SimpleHead<S>;
type SimpleHead<S extends string> = S extends `${infer Name}}${infer After}` ? [Trim<Name>, 'simple', After] : never;
/** Plural and select resume at their options; `{n, number}`, `{d, date, short}` after their brace. */
type ComplexHead<Name extends string, Rest extends string> = Rest extends `${infer Kind},${infer Options}`
  ? Trim<Kind> extends 'plural' | 'selectordinal' | 'select'
    ? [Name, Trim<Kind>, Options]
    : StyledHead<Name, Rest>
  : StyledHead<Name, Rest>;
type StyledHead<Name extends string, Rest extends string> = Rest extends `${infer Style}}${infer After}`
  ? [Name, Trim<Style> extends `${infer Kind},${string}` ? Trim<Kind> : Trim<Style>, After]
  : never;

type Scan<S extends string, Stack extends Context[], Found extends [string, string]> =
  NextBrace<S> extends [infer Brace, string, infer After extends string]
    ? Top<Stack> extends 'text'
      ? Brace extends '{'
        ? ArgumentHead<After> extends [infer Name extends string, infer Kind extends string, infer Rest extends string]
          ? Kind extends 'plural' | 'selectordinal' | 'select'
            ? Scan<Rest, ['options', ...Stack], Found | [Name, Kind]>
            : Scan<Rest, Stack, Found | [Name, Kind]>
          : Found
        : Scan<After, Pop<Stack>, Found> // `}` ends an option body
      : Brace extends '{'
        ? Scan<After, ['text', ...Stack], Found> // an option body opens
        : Scan<After, Pop<Stack>, Found> // the plural/select argument closes
    : Found;

type ArgValue<Kind> = Kind extends 'plural' | 'selectordinal' | 'number'
  ? number
  : Kind extends 'date' | 'time'
    ? Date | number
    : string;

/** The values object a message needs, e.g. { name: string; rows: number }; {} when none. */
export type MessageArgs<Message extends string> = {
  [P in Scan<Message, [], never> as P[0]]: ArgValue<P[1]>;
};

// Finds user-visible string literals in UI code, so every such string goes through the
// catalogue (src/i18n). It parses with the TypeScript compiler and applies these rules:
//
// In JSX
//   jsx-text       Text children with a letter: <p>Computing…</p>. Symbols (✕ ↑ ·) pass.
//   jsx-child      A literal with a letter in a child expression: {ok ? 'Yes' : 'No'}.
//   jsx-attribute  A literal with a letter in a visible attribute: aria-label, aria-description,
//                  aria-valuetext, aria-roledescription, aria-placeholder, title, placeholder,
//                  alt, label, and any prop whose name ends in Label, Title, Text, Message,
//                  Caption, Description, Placeholder, Tooltip or Heading (layerTitle=…).
// In code
//   visible-prop   A literal with a word (two letters running) as the value of a property
//                  named status, alert, title, label, message, text, note, caption,
//                  description, placeholder, tooltip, heading or error: patch({ status: 'Loading…' }).
//   prose          A literal that reads as words: two words, one of them at least two
//                  characters ('H3 cells'), or a word ending in … . ! or ?. Template placeholders count as
//                  a one-letter word, so `${n} rows` and `Feature ${i}` are prose.
//   capitalised    A single capitalised word: 'Rows', 'Other'. All-capitals (UTC, HTTP),
//                  CamelCase ('StackedOpacityExtension') and lower-case words ('points') are
//                  taken for identifiers: a lower-case word is flagged only by the JSX and
//                  visible-prop rules.
//
// Not user-visible, never flagged: the key given to t() (the compiler checks it against the
// catalogue); console.* arguments (developer logs); module specifiers; literal types;
// operands of ===, !==, ==, != and `in`; case labels; property names and element-access keys;
// values of className/class (CSS class lists); deck.gl shader injections ('vs:#decl': GLSL);
// and, from the prose and capitalised rules,
// values of properties named id, key, type, kind, role, name, source or layout (style and
// GeoJSON vocabulary such as type: 'Feature').
import ts from 'typescript';

/** One user-visible literal found in a file. */
export interface Finding {
  file: string;
  line: number;
  rule: 'jsx-text' | 'jsx-child' | 'jsx-attribute' | 'visible-prop' | 'prose' | 'capitalised';
  text: string;
}

const VISIBLE_ATTRIBUTES = new Set([
  'aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'aria-placeholder',
  'title', 'placeholder', 'alt', 'label',
]);
const VISIBLE_PROP_SUFFIX = /(Label|Title|Text|Message|Caption|Description|Placeholder|Tooltip|Heading)$/;
const VISIBLE_PROPERTIES = new Set([
  'status', 'alert', 'title', 'label', 'message', 'text', 'note', 'caption', 'description', 'placeholder', 'tooltip', 'heading', 'error',
]);
const CSS_CLASS_NAMES = new Set(['className', 'class']);
const VOCABULARY_PROPERTIES = new Set(['id', 'key', 'type', 'kind', 'role', 'name', 'source', 'layout']);
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword,
]);

const LETTER = /\p{L}/u;
const PROSE = /[\p{L}\p{N}]{2,}[\s\u00a0]+\p{L}|\p{L}[\s\u00a0]+[\p{L}\p{N}]{2,}|\p{L}[….!?]$/u;
const WORD = /\p{L}{2,}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** deck.gl shader hook names: their values are GLSL. */
const SHADER_HOOK = /^(vs|fs):/;

/** The text of a literal as a reader would see it; template placeholders read as "x". */
function literalText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((s) => `x${s.literal.text}`).join('');
}

function propertyName(name: ts.PropertyName | ts.JsxAttributeName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return null;
}

/** Where a literal sits, found by walking up from it to the first node that decides. */
type Place =
  | { kind: 'ignored' }
  | { kind: 'attribute'; name: string }
  | { kind: 'child' }
  | { kind: 'code'; property: string | null; vocabulary: boolean };

function placeOf(node: ts.Node): Place {
  let child: ts.Node = node;
  let property: string | null = null;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p)) return { kind: 'ignored' };
    if (ts.isLiteralTypeNode(p) || ts.isTypeNode(p)) return { kind: 'ignored' };
    if (ts.isCaseClause(p) && p.expression === child) return { kind: 'ignored' };
    if (ts.isBinaryExpression(p) && COMPARISONS.has(p.operatorToken.kind)) return { kind: 'ignored' };
    if (ts.isElementAccessExpression(p) && p.argumentExpression === child) return { kind: 'ignored' };
    if (ts.isPropertyAssignment(p)) {
      if (p.name === child) return { kind: 'ignored' };
      const name = propertyName(p.name);
      if (name && (CSS_CLASS_NAMES.has(name) || SHADER_HOOK.test(name))) return { kind: 'ignored' };
      property ??= name;
    }
    if (ts.isCallExpression(p) && child !== p.expression) {
      const callee = p.expression;
      if (ts.isIdentifier(callee) && callee.text === 't' && p.arguments[0] === child) return { kind: 'ignored' };
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console') {
        return { kind: 'ignored' };
      }
    }
    if (ts.isJsxAttribute(p)) {
      const name = propertyName(p.name) ?? '';
      return CSS_CLASS_NAMES.has(name) ? { kind: 'ignored' } : { kind: 'attribute', name };
    }
    if (ts.isJsxExpression(p) && (ts.isJsxElement(p.parent) || ts.isJsxFragment(p.parent))) return { kind: 'child' };
  }
  return { kind: 'code', property, vocabulary: property !== null && VOCABULARY_PROPERTIES.has(property) };
}

function isVisibleAttribute(name: string): boolean {
  return VISIBLE_ATTRIBUTES.has(name) || VISIBLE_PROP_SUFFIX.test(name);
}

/** The rule a literal breaks, if any. */
function ruleFor(text: string, place: Place): Finding['rule'] | null {
  if (!LETTER.test(text) || place.kind === 'ignored') return null;
  if (place.kind === 'attribute') return isVisibleAttribute(place.name) ? 'jsx-attribute' : null;
  if (place.kind === 'child') return 'jsx-child';
  if (place.property !== null && VISIBLE_PROPERTIES.has(place.property)) return WORD.test(text) ? 'visible-prop' : null;
  if (place.vocabulary) return null;
  if (PROSE.test(text)) return 'prose';
  if (CAPITALISED.test(text)) return 'capitalised';
  return null;
}

/** Every user-visible literal in one source file (.ts or .tsx). */
export function scanSource(file: string, source: string): Finding[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: Finding[] = [];
  const report = (node: ts.Node, rule: Finding['rule'], text: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, rule, text: text.trim() });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, 'jsx-text', node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      // A JSX attribute written as a bare string (title="Map") is a StringLiteral too.
      const text = literalText(node);
      const rule = ruleFor(text, placeOf(node));
      if (rule) report(node, rule, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

// The text syntax of a story step: plain paragraphs (separated by a blank line), `*emphasis*`
// and `[links](https://…)`, nothing else. It parses to a tree of text nodes, never to HTML,
// so a renderer can only ever make text, emphasis and https links out of it. Anything else
// (`<b>`, `**`, `#`) is shown as the characters it is. A backslash keeps the next of
// `\ * [ ] ( )` literal.

/** Plain characters. */
export interface TextNode {
  type: 'text';
  text: string;
}
/** `*emphasised*` text; it holds text and links. */
export interface EmphasisNode {
  type: 'emphasis';
  children: (TextNode | LinkNode)[];
}
/** `[label](https://…)`: the label holds text and emphasis, never another link. */
export interface LinkNode {
  type: 'link';
  href: string;
  children: (TextNode | EmphasisNode)[];
}
/** What a paragraph holds. */
export type InlineNode = TextNode | EmphasisNode | LinkNode;
/** One paragraph: the lines of a block of text, joined with spaces. */
export interface ParagraphNode {
  type: 'paragraph';
  children: InlineNode[];
}

/** A link the syntax refuses (not an https address), shown as its plain label instead. */
export interface StoryTextProblem {
  /** The address as written. */
  href: string;
}

/** The paragraphs of a story text and the links it refused. */
export interface ParsedStoryText {
  paragraphs: ParagraphNode[];
  problems: StoryTextProblem[];
}

const ESCAPABLE = new Set(['\\', '*', '[', ']', '(', ')']);

/** Index of the first unescaped `ch` at or after `from` (before `end`), or -1. */
function findUnescaped(s: string, ch: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (s[i] === '\\' && ESCAPABLE.has(s[i + 1] ?? '')) i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** The `)` that closes a link address opened before `from`; parentheses inside it must balance (as in CommonMark). */
function hrefEnd(s: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    if (s[i] === '\\' && ESCAPABLE.has(s[i + 1] ?? '')) i++;
    else if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** A lone `*` (no `*` beside it): runs such as `**` are literal. */
function loneStar(s: string, i: number, start: number, end: number): boolean {
  return s[i] === '*' && (i === start || s[i - 1] !== '*') && (i + 1 >= end || s[i + 1] !== '*');
}

/** Where the emphasis opened at `i` closes: a lone `*` after non-space content; -1 if none. */
function emphasisEnd(s: string, i: number, end: number): number {
  if (i + 1 >= end || /\s/.test(s[i + 1])) return -1;
  for (let j = i + 1; j < end; j++) {
    if (s[j] === '\\' && ESCAPABLE.has(s[j + 1] ?? '')) j++;
    else if (j > i + 1 && loneStar(s, j, i, end) && !/\s/.test(s[j - 1])) return j;
  }
  return -1;
}

/** An https address with a host: the only kind a story may link to. */
function isHttpsUrl(href: string): boolean {
  if (!/^https:\/\/\S+$/i.test(href)) return false;
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

interface Allow {
  links: boolean;
  emphasis: boolean;
}

/** The inline nodes of s[start, end), recording refused links. */
function parseInline(s: string, start: number, end: number, allow: Allow, problems: StoryTextProblem[]): InlineNode[] {
  const out: InlineNode[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  for (let i = start; i < end; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < end && ESCAPABLE.has(s[i + 1])) {
      text += s[++i];
      continue;
    }
    if (c === '*' && allow.emphasis && loneStar(s, i, start, end)) {
      const close = emphasisEnd(s, i, end);
      if (close > 0) {
        flush();
        const children = parseInline(s, i + 1, close, { ...allow, emphasis: false }, problems);
        out.push({ type: 'emphasis', children: children.filter((n): n is TextNode | LinkNode => n.type !== 'emphasis') });
        i = close;
        continue;
      }
    }
    if (c === '[' && allow.links) {
      const labelEnd = findUnescaped(s, ']', i + 1, end);
      const close = labelEnd > 0 && s[labelEnd + 1] === '(' ? hrefEnd(s, labelEnd + 2, end) : -1;
      if (close > 0) {
        flush();
        const href = s.slice(labelEnd + 2, close).trim();
        const label = parseInline(s, i + 1, labelEnd, { ...allow, links: false }, problems);
        if (isHttpsUrl(href)) {
          out.push({ type: 'link', href, children: label.filter((n): n is TextNode | EmphasisNode => n.type !== 'link') });
        } else {
          problems.push({ href });
          out.push(...label);
        }
        i = close;
        continue;
      }
    }
    text += c;
  }
  flush();
  return out;
}

/** Parses a story text into paragraphs of text, emphasis and https links. */
export function parseStoryText(source: string): ParsedStoryText {
  const problems: StoryTextProblem[] = [];
  const paragraphs: ParagraphNode[] = [];
  // Paragraphs are separated by lines that hold only whitespace; other line breaks are spaces.
  const normalised = source.replace(/\r\n?/g, '\n');
  for (const block of normalised.split(/\n[ \t]*\n/)) {
    const joined = block
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ');
    if (joined) paragraphs.push({ type: 'paragraph', children: parseInline(joined, 0, joined.length, { links: true, emphasis: true }, problems) });
  }
  return { paragraphs, problems };
}

/** The plain text of nodes, as a screen reader or a print would read it. */
export function plainText(nodes: readonly (InlineNode | ParagraphNode)[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : plainText(n.children))).join('');
}

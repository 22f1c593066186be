// The console's CodeMirror 6 editor: DuckDB-flavoured SQL (the PostgreSQL dialect is
// closest) with highlighting, completion of the loaded tables and their columns, Ctrl/Cmd+
// Enter to run, and a mark on the span an error points at. Tab is left to move focus, so
// the editor never traps the keyboard. The editor lives in a shadow root: CodeMirror then
// styles it with constructed style sheets, which the page's CSP (style-src 'self', no
// inline styles) allows, where the <style> elements it adds to a document are refused.
import { EditorState, Compartment, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, placeholder, type DecorationSet } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import type { TextRange } from '../../engine/protocol';

/** A table the editor completes: its name and its columns. */
export interface EditorTable {
  name: string;
  columns: string[];
}

/** The completion namespace: main's tables at the top, scratch's under `scratch`. */
export function editorSchema(main: readonly EditorTable[], scratch: readonly EditorTable[]): SQLNamespace {
  const top: Record<string, SQLNamespace> = {};
  for (const t of main) top[t.name] = t.columns;
  if (scratch.length) {
    const s: Record<string, SQLNamespace> = {};
    for (const t of scratch) s[t.name] = t.columns;
    top.scratch = s;
  }
  return top;
}

const setError = StateEffect.define<TextRange | null>();
const errorMark = Decoration.mark({ class: 'cm-sql-error', attributes: { 'data-sql-error': '' } });

/** The span marked as the last error; editing anywhere clears it (the position is stale). */
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (e.is(setError)) {
        const r = e.value;
        if (!r) return Decoration.none;
        const len = tr.state.doc.length;
        const from = Math.min(Math.max(0, r.from), len);
        const to = Math.min(Math.max(from, r.to), len);
        return to > from ? Decoration.set([errorMark.range(from, to)]) : Decoration.none;
      }
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The editor's own look (the page's CSS does not reach into the shadow root). */
const theme = EditorView.theme({
  '&': { fontSize: '0.85rem', backgroundColor: '#fff', color: '#1d2430', maxHeight: '100%' },
  '&.cm-focused': { outlineWidth: '3px', outlineStyle: 'solid', outlineColor: '#ffbf47' },
  '.cm-scroller': { fontFamily: 'ui-monospace, monospace', minHeight: '4.5em' },
  '.cm-gutters': { color: '#4a5566', backgroundColor: '#f3f5f8' },
  '.cm-placeholder': { color: '#4a5566' },
  '.cm-sql-error': { textDecorationLine: 'underline', textDecorationStyle: 'wavy', textDecorationColor: '#b00020', backgroundColor: '#fde8e8' },
});

export interface EditorOptions {
  doc: string;
  /** The editor's accessible name (the textbox is named by it). */
  label: string;
  placeholder: string;
  /** Called on Ctrl/Cmd+Enter. */
  onRun: () => void;
}

/** An editor and the ways the console changes it. */
export interface SqlEditorHandle {
  view: EditorView;
  setSchema(schema: SQLNamespace): void;
  /** Mark `range` as the error (null clears), and put the cursor at its start. */
  markError(range: TextRange | null): void;
  /** Replace the whole text. */
  setText(text: string): void;
  /** Insert `text` at the selection. */
  insert(text: string): void;
  destroy(): void;
}

export function createSqlEditor(host: HTMLElement, options: EditorOptions): SqlEditorHandle {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const language = new Compartment();
  const lang = (schema: SQLNamespace): Extension => sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true });
  const run = () => {
    options.onRun();
    return true;
  };
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ activateOnTyping: true }),
        syntaxHighlighting(defaultHighlightStyle),
        placeholder(options.placeholder),
        errorField,
        keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        language.of(lang({})),
        EditorView.lineWrapping,
        theme,
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
      ],
    }),
  });
  return {
    view,
    setSchema: (schema) => view.dispatch({ effects: language.reconfigure(lang(schema)) }),
    markError(range) {
      const len = view.state.doc.length;
      view.dispatch({
        effects: setError.of(range),
        selection: range ? { anchor: Math.min(range.from, len) } : undefined,
        scrollIntoView: !!range,
      });
    },
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } }),
    insert(text) {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}

/** The 1-based line and column of offset `at` in `text` (the editor's own counting). */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, at));
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

// The SQL console: the editor (the one textbox named "SQL"), Run and Cancel, the schema
// browser and the session's history beside it, and the result below: row count and time,
// downloads, "Add to map", and the virtualised table. It stays mounted while closed, so
// the text, the history and the result are there when it opens again.
import { useEffect, useMemo, useRef } from 'react';
import { formatFixed, formatInteger, useT } from '../../i18n';
import type { DatasetInfo } from '../../engine/protocol';
import type { Coordinator } from '../coordinator';
import { createSqlEditor, editorSchema, lineColumn, type SqlEditorHandle } from './sql-editor';
import { useConsole } from './use-console';
import { ResultsTable } from './ResultsTable';
import { ResultActions } from './ResultActions';
import { SchemaBrowser } from './SchemaBrowser';
import { QueryHistory } from './QueryHistory';
import './console.css';

/** A statement to put in the editor (from "Open in console"), with the tables it reads. */
export interface ConsoleRequest {
  sql: string;
  tables: string[];
  /** Changes with every request, so the same statement can be opened twice. */
  seq: number;
}

interface Props {
  open: boolean;
  onClose: () => void;
  coordinator: Coordinator | null;
  datasets: DatasetInfo[];
  onAdded: (info: DatasetInfo) => void;
  request: ConsoleRequest | null;
}

export function ConsolePanel({ open, onClose, coordinator, datasets, onAdded, request }: Props) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<SqlEditorHandle | null>(null);
  const { state, run, cancel, exportAs, addToMap, refreshSchema, pin } = useConsole(coordinator, onAdded);
  const runNow = useRef(() => {});
  runNow.current = () => {
    const view = editor.current?.view;
    if (view) void run(view.state.doc.toString());
  };

  useEffect(() => {
    const e = createSqlEditor(host.current!, {
      doc: '',
      label: t('console.editor'),
      placeholder: t('console.placeholder'),
      onRun: () => runNow.current(),
    });
    editor.current = e;
    return () => {
      e.destroy();
      editor.current = null;
    };
    // The editor is made once; its text outlives renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const schema = useMemo(
    () =>
      editorSchema(
        datasets.map((d) => ({ name: d.id, columns: d.columns.map((c) => c.name) })),
        state.scratch.map((s) => ({ name: s.name, columns: s.columns.map((c) => c.name) })),
      ),
    [datasets, state.scratch],
  );
  useEffect(() => editor.current?.setSchema(schema), [schema]);

  useEffect(() => {
    if (open) {
      void refreshSchema();
      editor.current?.view.focus();
    }
  }, [open, refreshSchema]);

  useEffect(() => {
    if (!request || !editor.current) return;
    editor.current.setText(request.sql);
    editor.current.view.focus();
    void pin(request.tables);
  }, [request, pin]);

  const error = state.error;
  useEffect(() => {
    // Mark the span only while the text is the one that failed.
    const e = editor.current;
    if (!e) return;
    e.markError(error?.range && e.view.state.doc.toString() === error.sql ? error.range : null);
  }, [error]);
  const at = error?.range ? lineColumn(error.sql, error.range.from) : null;

  const result = state.result;
  const r = result?.run;

  return (
    <section id="sql-console" className="console" aria-labelledby="console-heading" hidden={!open}
      data-runs={state.runs}
      onKeyDown={(e) => {
        // The editor takes Escape first (to close the completion list).
        if (e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}>
      <header className="console-header">
        <h2 id="console-heading">{t('console.title')}</h2>
        <button type="button" className="console-close" aria-label={t('console.close')} onClick={onClose}>✕</button>
      </header>
      <div className="console-body">
        <div className="console-side">
          <SchemaBrowser datasets={datasets} scratch={state.scratch} onInsert={(text) => editor.current?.insert(text)} />
          <QueryHistory history={state.history} onUse={(sql) => {
            editor.current?.setText(sql);
            editor.current?.view.focus();
          }} />
        </div>
        <div className="console-main">
          <div className="console-editor" ref={host} />
          <p className="console-hint" id="console-hint">{t('console.runHint')}</p>
          <div className="console-actions">
            <button type="button" className="button" disabled={state.running || !coordinator} onClick={() => runNow.current()}>{t('console.run')}</button>
            <button type="button" disabled={!state.running} onClick={cancel}>{t('console.cancel')}</button>
            {state.running && <span className="console-note">{t('console.running')}</span>}
          </div>
          <p role="status" aria-live="polite" className="console-status">
            {[
              r && r.kind !== 'create' ? t('console.rowsTime', { rows: r.rowsTotal, seconds: formatFixed(r.ms / 1000, 2) }) : '',
              r && r.rowsShown < r.rowsTotal ? t('console.capped', { shown: formatInteger(r.rowsShown), total: formatInteger(r.rowsTotal) }) : '',
              state.note,
            ].filter(Boolean).join(' ')}
          </p>
          <div role="alert" className="console-error">
            {error && (
              <>
                <p>{error.text}</p>
                {at && <p>{t('console.errorAt', { line: String(at.line), column: String(at.column) })}</p>}
              </>
            )}
          </div>
          {result && r && r.kind !== 'create' && (
            <>
              {r.kind === 'query' && (
                <ResultActions mappings={r.mappings} datasets={datasets} busy={state.running} onExport={(f) => void exportAs(f)} onAdd={(m) => void addToMap(m)} />
              )}
              <ResultsTable rows={result.rows} label={t('console.results')} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

// The console's state and its requests to the engine, all through the coordinator: run
// one statement (cancellable: the abort becomes the engine's cancel, and the engine keeps
// every dataset), export the last result, add it to the map, read the scratch tables and
// pin the tables a shown method reads. The engine keeps only the last result, so a new run
// clears the one shown.
import { useCallback, useRef, useState } from 'react';
import type { ConsoleMapping, ConsoleRows, DatasetInfo, ScratchTable, TextRange } from '../../engine/protocol';
import { engineText, t } from '../../i18n';
import type { Coordinator } from '../coordinator';
import { isCancelled } from '../load-messages';
import { resultRows, type ResultRows } from './result-rows';
import { downloadBytes } from './download';

/** Who pins the tables of a method opened in the console. */
export const CONSOLE_HOLDER = 'console';
const HISTORY_MAX = 50;

export interface ConsoleResult {
  run: ConsoleRows;
  rows: ResultRows;
}

export interface ConsoleError {
  text: string;
  /** The statement it is about, and the span the engine pointed at. */
  sql: string;
  range: TextRange | null;
}

export interface ConsoleState {
  running: boolean;
  result: ConsoleResult | null;
  error: ConsoleError | null;
  /** What the last action came to, for the status line: cancelled, downloaded, added, created. */
  note: string;
  /** The session's statements, newest first. */
  history: string[];
  scratch: ScratchTable[];
  /** Statements finished (answered, refused, failed or cancelled): tests wait on it. */
  runs: number;
}

const INITIAL: ConsoleState = { running: false, result: null, error: null, note: '', history: [], scratch: [], runs: 0 };

export function useConsole(coordinator: Coordinator | null, onAdded: (info: DatasetInfo) => void) {
  const [state, setState] = useState<ConsoleState>(INITIAL);
  const patch = useCallback((p: Partial<ConsoleState>) => setState((s) => ({ ...s, ...p })), []);
  const running = useRef<AbortController | null>(null);
  const added = useRef(0);

  const failed = useCallback((err: unknown) => patch({ note: '', error: { text: t('console.failed', { message: (err as Error).message }), sql: '', range: null } }), [patch]);

  const refreshSchema = useCallback(async () => {
    if (!coordinator) return;
    try {
      const { value } = await coordinator.query({ type: 'console-schema' });
      patch({ scratch: value });
    } catch (err) {
      failed(err);
    }
  }, [coordinator, failed]);

  const run = useCallback(
    async (sql: string) => {
      if (!coordinator || running.current || !sql.trim()) return;
      const controller = new AbortController();
      running.current = controller;
      setState((s) => ({
        ...s,
        running: true,
        result: null,
        error: null,
        note: '',
        history: [sql, ...s.history.filter((h) => h !== sql)].slice(0, HISTORY_MAX),
      }));
      try {
        const { value } = await coordinator.query({ type: 'console-run', sql }, { signal: controller.signal });
        if (!value.ok) {
          patch({ error: { text: engineText(value.error), sql, range: value.range } });
          return;
        }
        const created = value.created;
        patch({
          result: { run: value, rows: resultRows(value.columns, value.ipc) },
          note: created ? t('console.created', { kind: created.kind, name: `${created.schema}.${created.name}` }) : '',
        });
        if (created) void refreshSchema();
      } catch (err) {
        if (isCancelled(err)) patch({ note: t('console.cancelled') });
        else failed(err);
      } finally {
        running.current = null;
        setState((s) => ({ ...s, running: false, runs: s.runs + 1 }));
      }
    },
    [coordinator, patch, failed, refreshSchema],
  );

  const cancel = useCallback(() => running.current?.abort(), []);

  const exportAs = useCallback(
    async (format: 'csv' | 'parquet') => {
      if (!coordinator) return;
      try {
        const { value } = await coordinator.query({ type: 'console-export', format });
        downloadBytes(value.bytes, value.fileName, format === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet');
        patch({ note: t('console.downloaded', { file: value.fileName }) });
      } catch (err) {
        failed(err);
      }
    },
    [coordinator, patch, failed],
  );

  const addToMap = useCallback(
    async (mapping: ConsoleMapping) => {
      if (!coordinator) return;
      try {
        const name = t('console.resultName', { n: String(++added.current) });
        const { value } = await coordinator.query({ type: 'console-add', mapping, name, source: t('console.source') });
        onAdded(value);
        patch({ note: t('console.added', { name: value.name }) });
      } catch (err) {
        failed(err);
      }
    },
    [coordinator, onAdded, patch, failed],
  );

  /** Keep `tables` (a shown method's) while the console holds its statement. */
  const pin = useCallback(
    async (tables: string[]) => {
      if (!coordinator) return;
      try {
        await coordinator.query({ type: 'console-pin', holder: CONSOLE_HOLDER, tables });
      } catch (err) {
        failed(err);
      }
    },
    [coordinator, failed],
  );

  return { state, run, cancel, exportAs, addToMap, refreshSchema, pin };
}

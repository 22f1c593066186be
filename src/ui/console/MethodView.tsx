// "Show method" on a layer: the one statement whose rows are the layer's numbers, the
// steps before it (SQL, or JavaScript steps in words), and the parameters. The SQL is
// read-only text; "Open in console" puts it in the editor. While shown, the tables it reads
// are pinned for this layer, and let go when it is closed or the layer goes.
import { useEffect, useState } from 'react';
import { engineText, useT, type MessageKey } from '../../i18n';
import type { LayerMethod, LayerQuery } from '../../engine/protocol';
import type { Coordinator } from '../coordinator';
import { requestKey } from '../request-key';

const PARAM_KEYS = {
  dataset: 'method.param.dataset',
  colour: 'method.param.colour',
  size: 'method.param.size',
  column: 'method.param.column',
  cellSize: 'method.param.cellSize',
  resolution: 'method.param.resolution',
  districts: 'method.param.districts',
  statistic: 'method.param.statistic',
  value: 'method.param.value',
  minCount: 'method.param.minCount',
  filters: 'method.param.filters',
  time: 'method.param.time',
} as const satisfies Record<string, MessageKey>;

const paramKey = (name: string) => (name in PARAM_KEYS ? PARAM_KEYS[name as keyof typeof PARAM_KEYS] : null);

interface Props {
  coordinator: Coordinator | null;
  query: LayerQuery;
  /** Who pins the method's tables: the layer. */
  holder: string;
  onOpen: (sql: string, tables: string[]) => void;
}

export function MethodView({ coordinator, query, holder, onOpen }: Props) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const [method, setMethod] = useState<LayerMethod | null>(null);
  const [error, setError] = useState('');
  const key = requestKey(query);

  useEffect(() => {
    if (!shown || !coordinator) return;
    let live = true;
    setMethod(null);
    setError('');
    coordinator.query({ type: 'layer-method', layer: query, holder }).then(
      (a) => live && setMethod(a.value),
      (err: Error) => live && setError(t('console.failed', { message: err.message })),
    );
    return () => {
      live = false;
      coordinator.query({ type: 'console-pin', holder, tables: [] }).catch(() => {});
    };
    // The query by its key: a new object with the same content is the same method.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, coordinator, key, holder]);

  return (
    <details className="method" onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>{t('method.show')}</summary>
      {shown && !method && !error && <p className="layer-note">{t('method.loading')}</p>}
      {error && <p className="layer-error" role="alert">{error}</p>}
      {method && (
        <div className="method-body" data-method={method.layer}>
          <h3>{t('method.sql')}</h3>
          <pre className="sql" tabIndex={0} data-method-sql>{method.sql}</pre>
          <p className="layer-note">{t('method.sqlNote')}</p>
          <button type="button" onClick={() => onOpen(method.sql, method.tables)}>{t('method.openInConsole')}</button>
          {method.steps.length > 0 && (
            <>
              <h3>{t('method.steps')}</h3>
              <ol className="method-steps">
                {method.steps.map((s, i) => (
                  <li key={i}>{s.kind === 'sql' ? <pre className="sql" tabIndex={0}>{s.sql}</pre> : engineText(s.message)}</li>
                ))}
              </ol>
            </>
          )}
          {method.params.length > 0 && (
            <>
              <h3>{t('method.params')}</h3>
              <dl className="method-params">
                {method.params.map((p) => (
                  <div key={p.name}>
                    <dt>{paramKey(p.name) ? t(paramKey(p.name)!) : p.name}</dt>
                    <dd>{String(p.value)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </div>
      )}
    </details>
  );
}

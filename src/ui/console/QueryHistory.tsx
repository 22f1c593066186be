// The session's statements, newest first; choosing one puts it back in the editor.
import { useT } from '../../i18n';

export function QueryHistory({ history, onUse }: { history: string[]; onUse: (sql: string) => void }) {
  const t = useT();
  return (
    <section className="console-history" aria-labelledby="console-history-heading">
      <h3 id="console-history-heading">{t('console.history')}</h3>
      {history.length === 0 ? (
        <p className="console-note">{t('console.historyEmpty')}</p>
      ) : (
        <ol>
          {history.map((sql) => (
            <li key={sql}>
              <button type="button" className="link history-item" aria-label={t('console.historyUse', { sql })} onClick={() => onUse(sql)}>
                {sql}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

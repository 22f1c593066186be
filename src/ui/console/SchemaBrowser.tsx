// The tables the console can read: every loaded dataset (its table name, display name,
// columns and types) and the scratch tables made here. Clicking a name inserts it, quoted.
import { useT } from '../../i18n';
import type { ConsoleColumn, DatasetInfo, ScratchTable } from '../../engine/protocol';
import { ident } from '../../engine/sql/core';

interface Props {
  datasets: DatasetInfo[];
  scratch: ScratchTable[];
  onInsert: (text: string) => void;
}

function Table({ name, quoted, title, columns, onInsert }: { name: string; quoted: string; title?: string; columns: ConsoleColumn[]; onInsert: (text: string) => void }) {
  const t = useT();
  return (
    <li>
      <details>
        <summary>
          <span className="schema-table">{name}</span>
          {title && title !== name && <span className="schema-title"> {title}</span>}
        </summary>
        <button type="button" className="link schema-insert" onClick={() => onInsert(quoted)}>
          {t('console.insertName', { name: quoted })}
        </button>
        <ul className="schema-columns">
          {columns.map((c) => (
            <li key={c.name}>
              <button type="button" className="link" onClick={() => onInsert(ident(c.name))}>{c.name}</button>{' '}
              <span className="column-type">{c.type}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function SchemaBrowser({ datasets, scratch, onInsert }: Props) {
  const t = useT();
  return (
    <section className="console-schema" aria-labelledby="console-schema-heading">
      <h3 id="console-schema-heading">{t('console.schema')}</h3>
      <ul>
        {datasets.map((d) => (
          <Table key={d.id} name={d.id} quoted={ident(d.id)} title={d.name} columns={d.columns.filter((c) => !c.internal)} onInsert={onInsert} />
        ))}
      </ul>
      {scratch.length > 0 && (
        <>
          <h3>{t('console.scratch')}</h3>
          <ul>
            {scratch.map((s) => (
              <Table key={s.name} name={`scratch.${s.name}`} quoted={`${ident('scratch')}.${ident(s.name)}`} columns={s.columns} onInsert={onInsert} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

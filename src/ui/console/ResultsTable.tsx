// The console's result table, virtualised: rows have one fixed height, the body is as tall
// as all of them, and only the rows in view (plus a few either side) are in the DOM, so
// 250,000 rows scroll like 25. Every value is a text node: data never becomes HTML.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { ResultRows } from './result-rows';

/** Row height in px; the CSS gives rows the same. */
export const ROW_HEIGHT = 24;
const OVERSCAN = 8;
/** Rows read to size the columns. */
const SAMPLE = 200;

/** Column widths in ch from the header and the first rows, within bounds. */
function columnWidths(rows: ResultRows): number[] {
  return rows.columns.map((col, c) => {
    let w = col.name.length + col.type.length + 3;
    for (let r = 0; r < Math.min(rows.rows, SAMPLE); r++) w = Math.max(w, (rows.cell(r, c) ?? '').length + 2);
    return Math.min(Math.max(w, 6), 48);
  });
}

export function ResultsTable({ rows, label }: { rows: ResultRows; label: string }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(400);
  const widths = useMemo(() => columnWidths(rows), [rows]);
  const template = widths.map((w) => `${w}ch`).join(' ');

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = 0;
    setTop(0);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [rows]);

  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.rows, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const visible: number[] = [];
  for (let r = first; r < last; r++) visible.push(r);

  return (
    <div className="results-scroll" ref={scroller} tabIndex={0} role="region" aria-label={label}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <div role="table" aria-label={label} aria-rowcount={rows.rows + 1} aria-colcount={rows.columns.length} className="results-table">
        <div role="rowgroup" className="results-head">
          <div role="row" aria-rowindex={1} className="results-row" style={{ gridTemplateColumns: template }}>
            {rows.columns.map((col, c) => (
              <div role="columnheader" key={c} className="results-cell" title={col.type}>
                <span className="results-name">{col.name}</span> <span className="results-type">{col.type}</span>
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="results-body" style={{ height: rows.rows * ROW_HEIGHT }}>
          {visible.map((r) => (
            <div role="row" key={r} aria-rowindex={r + 2} className="results-row" style={{ top: r * ROW_HEIGHT, gridTemplateColumns: template }}>
              {rows.columns.map((_, c) => {
                const v = rows.cell(r, c);
                return (
                  <div role="cell" key={c} className={v === null ? 'results-cell null' : 'results-cell'}>
                    {v ?? t('console.null')}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
      {rows.rows === 0 && <p className="results-empty">{t('console.noRows')}</p>}
    </div>
  );
}

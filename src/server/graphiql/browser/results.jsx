// GraphiQL's table view: a plugin panel that shows the lists in the answer
// on screen as HTML tables, and downloads the one shown as CSV. What it
// reads is the response editor's text, so it always matches the result area
// (after a run, and after switching tabs).
import { useGraphiQL } from '@graphiql/react';
import { useEffect, useMemo, useState } from 'react';
import { tableCsv } from './csv.ts';
import { findTables, text } from './table.ts';
import './results.css';

const TITLE = '表格 · Table';

function TableIcon(props) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" height="1em" {...props}>
      <rect x="3" y="4" width="18" height="16" rx="1" />
      <path d="M3 9h18M3 14.5h18M9 4v16M15 4v16" />
    </svg>
  );
}

/** The response editor's text, kept current. */
function useResponseText() {
  const editor = useGraphiQL((state) => state.responseEditor);
  const [value, setValue] = useState('');
  useEffect(() => {
    if (!editor) return undefined;
    setValue(editor.getValue());
    const subscription = editor.onDidChangeModelContent(() => setValue(editor.getValue()));
    return () => subscription.dispose();
  }, [editor]);
  return value;
}

/** The answer, or null while there is none (before a run, or an error the result area shows as text). */
function parseAnswer(response) {
  try {
    return JSON.parse(response);
  } catch {
    return null;
  }
}

function download(table) {
  const url = URL.createObjectURL(new Blob([tableCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `plantrace-${table.path.replaceAll('[]', '')}.csv`;
  // Firefox follows only a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: a browser may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ResultsTable() {
  const response = useResponseText();
  const tables = useMemo(() => findTables(parseAnswer(response)), [response]);
  const [chosen, setChosen] = useState(null);
  // The list chosen before stays chosen while the answer still has it; else the outermost.
  const table = tables.find((t) => t.path === chosen) ?? tables[0];

  return (
    <section className="plantrace-results" aria-label={TITLE}>
      <div className="plantrace-results-title">{TITLE}</div>
      {!table ? (
        <p className="plantrace-results-empty">
          运行一个查询：结果中的列表会在这里显示为表格，并可下载为 CSV。
          <br />
          Run a query: a list in its answer shows here as a table, to download as CSV.
        </p>
      ) : (
        <>
          <div className="plantrace-results-bar">
            <select aria-label="列表 · List" value={table.path} onChange={(e) => setChosen(e.target.value)}>
              {tables.map((t) => (
                <option key={t.path} value={t.path}>
                  {t.path} ({t.rows.length})
                </option>
              ))}
            </select>
            <span className="plantrace-results-count">
              {table.rows.length} 行 · rows
            </span>
            <button type="button" className="graphiql-button" disabled={!table.rows.length} onClick={() => download(table)}>
              下载 CSV · Download CSV
            </button>
          </div>
          <div className="plantrace-results-scroll">
            <table>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{text(cell)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export const resultsPlugin = { title: TITLE, icon: TableIcon, content: ResultsTable };

/**
 * A statement file before it is imported: its format, what it holds, the columns Recibo found
 * (each one's role can be changed, and the correction is kept for that bank's next files), its
 * first rows and the movements they give, and why it cannot be read when it cannot. Enter
 * imports (when there is something to import), Esc cancels.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Res } from '../../src-shared/ipc/contract';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../../src-shared/reconcile/column-roles';
import { errorText, useLocale, useT } from '../i18n';
import type { Client } from '../ipc/client';
import { formatDay } from '../state/day-format';
import { readAsBase64 } from '../state/read-files';

type Preview = Res<'statements:preview'>;
type Imported = Res<'statements:import'>;

/** The mapping with `column` playing `role` (or nothing): a role has one column, a column one role. */
function withRole(mapping: ColumnMapping, column: number, role: ColumnRole | ''): ColumnMapping {
  const next: ColumnMapping = {};
  for (const r of COLUMN_ROLES) if (mapping[r] !== undefined && mapping[r] !== column && r !== role) next[r] = mapping[r];
  if (role) next[role] = column;
  return next;
}

const roleOf = (mapping: ColumnMapping, column: number) => COLUMN_ROLES.find((r) => mapping[r] === column) ?? '';

/** `onDone` gets what was imported, or null when the operator cancelled. */
export function StatementPreview({ client, file, onDone }: { client: Client; file: File; onDone: (imported: Imported | null) => void }) {
  const all = useT();
  const t = all.statements.preview;
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const base64 = useRef<string | null>(null);
  const imported = useRef<Imported | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  // The operator's mapping, once they change a column; until then the one the core found.
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = async (next: ColumnMapping | undefined) => {
    setBusy(true);
    try {
      base64.current ??= await readAsBase64(file);
      const r = await client.invoke('statements:preview', { name: file.name, base64: base64.current, ...(next ? { mapping: next } : {}) });
      if (r.ok) {
        setPreview(r.value);
        setError(null);
      } else setError(errorText(all, r.error));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    dialog.current?.showModal();
    void load(undefined);
  }, [file]);

  const importButton = useRef<HTMLButtonElement>(null);
  const table = preview?.table ?? null;
  const current = mapping ?? table?.mapping ?? {};
  const readable = preview !== null && preview.movements > 0 && !table?.problem;
  // Once a file reads, Enter on the focused Import button imports it; until then the dialog
  // opened on Cancel (the only control not waiting).
  useEffect(() => {
    if (readable) importButton.current?.focus();
  }, [readable]);
  const money = (amount: string) => Number(amount).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const choose = (column: number, role: ColumnRole | '') => {
    const next = withRole(current, column, role);
    setMapping(next);
    void load(next);
  };
  const importFile = async () => {
    if (!readable || busy || base64.current === null) return;
    setBusy(true);
    try {
      const r = await client.invoke('statements:import', { name: file.name, base64: base64.current, ...(mapping ? { mapping } : {}) });
      if (r.ok) {
        imported.current = r.value;
        dialog.current?.close();
      } else setError(errorText(all, r.error));
    } finally {
      setBusy(false);
    }
  };

  // Enter imports wherever the focus is (a column's list included); a button does its own.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.target instanceof HTMLButtonElement) return;
    e.preventDefault();
    void importFile();
  };

  return (
    <dialog ref={dialog} className="dialog statement-preview" aria-labelledby="statement-preview-title" aria-busy={busy} onClose={() => onDone(imported.current)} onKeyDown={onKey} data-testid="statement-preview">
      <form method="dialog" onSubmit={(e) => (e.preventDefault(), void importFile())}>
        <h2 id="statement-preview-title">{t.title(file.name)}</h2>
        {preview === null && !error ? <p role="status">{t.reading}</p> : null}
        {preview ? (
          <p role="status" data-testid="statement-summary">
            <strong>{t.format[preview.format]}</strong> · {t.summary(preview.movements, preview.credits, table?.skipped ?? 0)}
          </p>
        ) : null}
        {preview?.known ? <p className="hint">{t.known}</p> : null}
        {error || table?.problem ? (
          <p role="alert" className="error" data-testid="statement-problem">
            {error ?? all.statements.problem(table!.problem!)}
          </p>
        ) : null}
        {table ? (
          <>
            <h3>{t.columns}</h3>
            <p className="hint">{t.mappingFrom[table.mappingFrom]}</p>
            <div className="table-scroll">
              <table data-testid="statement-columns">
                <thead>
                  <tr>
                    <th scope="col">{t.line}</th>
                    {table.header.map((title, i) => (
                      <th key={i} scope="col">
                        <select aria-label={t.column(i, title)} value={roleOf(current, i)} disabled={busy} onChange={(e) => choose(i, e.currentTarget.value as ColumnRole | '')}>
                          <option value="">{t.unused}</option>
                          {COLUMN_ROLES.map((r) => (
                            <option key={r} value={r}>{t.roles[r]}</option>
                          ))}
                        </select>
                        <span className="column-title">{title}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.sample.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      {table.header.map((_, i) => <td key={i}>{row.cells[i] ?? ''}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        {preview && preview.first.length > 0 ? (
          <>
            <h3>{t.first}</h3>
            <table data-testid="statement-movements">
              <thead>
                <tr><th>{t.line}</th><th>{all.statements.columns.date}</th><th>{all.statements.columns.reference}</th><th>{all.statements.columns.description}</th><th>{all.statements.columns.amount}</th></tr>
              </thead>
              <tbody>
                {preview.first.map((m) => (
                  <tr key={m.line}>
                    <td>{m.line}</td><td>{formatDay(m.date, locale)}</td><td>{m.reference}</td><td>{m.description}</td>
                    <td className={`amount ${m.direction}`}>{m.direction === 'debit' ? '−' : '+'}{money(m.amount)} <span className="hint">{t.direction[m.direction]}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>{t.cancel}</button>
          <button ref={importButton} type="submit" className="primary" disabled={!readable || busy}>{t.importButton}</button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Bank statements, in the dashboard: the account's statement dropped on the window or chosen
 * here is previewed (StatementPreview: its format, columns and first movements) and imported (the
 * core decides every receipt against it); then the statements kept, and the credits no receipt
 * proves: money that arrived with no proof sent. Each receipt's chip in the history says what the
 * statements show of its payment.
 */
import { useEffect, useRef, useState } from 'react';
import type { Res } from '../../src-shared/ipc/contract';
import { errorText, useLocale, useT } from '../i18n';
import type { Client } from '../ipc/client';
import { formatDay } from '../state/day-format';
import { useStore } from '../state/context';
import { STATEMENT_ACCEPT } from '../state/statement-files';
import { StatementPreview } from './StatementPreview';

type Kept = Res<'statements:list'>;

/** One preview per file dropped or chosen, even when the same file comes twice in a row. */
const previewKeys = new WeakMap<File, number>();
let previews = 0;
const previewKey = (file: File) => previewKeys.get(file) ?? (previewKeys.set(file, ++previews), previews);

export function StatementsPanel({ client }: { client: Client }) {
  const all = useT();
  const t = all.statements;
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const waiting = useStore((s) => s.statementFiles);
  const openStatements = useStore((s) => s.openStatements);
  const statementClosed = useStore((s) => s.statementClosed);
  const money = (amount: string) => Number(amount).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const load = async () => {
    const r = await client.invoke('statements:list', {});
    if (r.ok) setKept(r.value);
    else setNote({ text: errorText(all, r.error), error: true });
  };
  useEffect(() => {
    void load();
  }, [client]);
  const previewed = async (file: File, imported: Res<'statements:import'> | null) => {
    statementClosed();
    if (input.current) input.current.value = '';
    if (!imported) return;
    setNote({ text: imported.added ? t.imported(file.name, imported.movements, imported.credits, imported.verdicts.verified) : t.again(file.name), error: false });
    await load();
  };

  return (
    <section className="statements" aria-labelledby="statements-title" data-testid="statements-panel">
      <h2 id="statements-title">{t.title}</h2>
      <p className="hint">{t.hint}</p>
      {/* The browser's own file button speaks the browser's language: this one speaks the window's. */}
      <label className="import">
        <input ref={input} type="file" accept={STATEMENT_ACCEPT} multiple onChange={(e) => openStatements(Array.from(e.currentTarget.files ?? []))} aria-label={t.choose} />
        <span aria-hidden="true">{t.choose}</span>
      </label>
      {waiting[0] ? <StatementPreview key={previewKey(waiting[0])} client={client} file={waiting[0]} onDone={(imported) => void previewed(waiting[0]!, imported)} /> : null}
      {note ? (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'setting-note'} data-testid="statement-note">
          {note.text}
        </p>
      ) : null}
      <h3>{t.kept}</h3>
      {kept && kept.statements.length > 0 ? (
        <table data-testid="statements">
          <thead>
            <tr><th>{t.columns.file}</th><th>{t.columns.movements}</th><th>{t.columns.credits}</th></tr>
          </thead>
          <tbody>
            {kept.statements.map((s) => (
              <tr key={`${s.file}-${s.importedAt}`}><td>{s.file}</td><td>{s.movements}</td><td>{s.credits}</td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t.none}</p>
      )}
      <h3>{t.unclaimed}</h3>
      <p className="hint">{t.unclaimedHint}</p>
      {kept && kept.unclaimedCredits.length > 0 ? (
        <table data-testid="unclaimed-credits">
          <thead>
            <tr><th>{t.columns.date}</th><th>{t.columns.reference}</th><th>{t.columns.description}</th><th>{t.columns.amount}</th></tr>
          </thead>
          <tbody>
            {kept.unclaimedCredits.map((c) => (
              <tr key={`${c.file}-${c.line}`}><td>{formatDay(c.date, locale)}</td><td>{c.reference}</td><td>{c.description}</td><td className="amount">{money(c.amount)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : kept && kept.statements.length > 0 ? (
        <p className="hint">{t.noneUnclaimed}</p>
      ) : null}
    </section>
  );
}

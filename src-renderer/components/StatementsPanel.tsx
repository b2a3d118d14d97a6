/**
 * Bank statements, in the dashboard: import the account's statement (the core tells its format
 * and decides every receipt against it), see the statements kept, and the credits no receipt
 * proves: money that arrived with no proof sent. Each receipt's chip in the history says what the
 * statements show of its payment.
 */
import { useEffect, useRef, useState } from 'react';
import type { Res } from '../../src-shared/ipc/contract';
import { errorText, useLocale, useT } from '../i18n';
import type { Client } from '../ipc/client';
import { formatDay } from '../state/day-format';
import { readAsBase64 } from '../state/read-files';

type Kept = Res<'statements:list'>;

export function StatementsPanel({ client }: { client: Client }) {
  const all = useT();
  const t = all.statements;
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (amount: string) => Number(amount).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const load = async () => {
    const r = await client.invoke('statements:list', {});
    if (r.ok) setKept(r.value);
    else setNote({ text: errorText(all, r.error), error: true });
  };
  useEffect(() => {
    void load();
  }, [client]);
  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const r = await client.invoke('statements:import', { name: file.name, base64: await readAsBase64(file) });
      if (!r.ok) return setNote({ text: errorText(all, r.error), error: true });
      setNote({ text: r.value.added ? t.imported(file.name, r.value.movements, r.value.credits, r.value.verdicts.verified) : t.again(file.name), error: false });
      await load();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="statements" aria-labelledby="statements-title" data-testid="statements-panel">
      <h2 id="statements-title">{t.title}</h2>
      <p className="hint">{t.hint}</p>
      {/* The browser's own file button speaks the browser's language: this one speaks the window's. */}
      <label className="import">
        <input ref={input} type="file" accept=".csv,.tsv,.txt,.qif,.sta,.mt940,text/csv,text/plain" disabled={busy} onChange={(e) => e.currentTarget.files?.[0] && void importFile(e.currentTarget.files[0])} aria-label={t.choose} />
        <span aria-hidden="true">{t.choose}</span>
      </label>
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

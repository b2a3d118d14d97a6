/**
 * The extraction rules as JSON, checked as the operator types (the same schema the core checks
 * with, so what passes here saves), and tried on the open receipt before saving: each field as
 * read now beside what these rules would read from the same words.
 */
import { useEffect, useMemo, useState } from 'react';
import { extractFields } from '../../src-shared/extract/extract';
import { parseRulesText } from '../../src-shared/extract/rules';
import { FIELD_NAMES } from '../../src-shared/receipt/fields';
import { errorText, useLanguage, useT } from '../i18n';
import type { Client } from '../ipc/client';
import { useStore } from '../state/context';

export function RulesEditor({ client }: { client: Client }) {
  const detail = useStore((s) => s.detail);
  const t = useT();
  const language = useLanguage();
  const rt = t.rules;
  const [loaded, setLoaded] = useState<{ text: string; custom: boolean } | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [trial, setTrial] = useState(false);

  useEffect(() => {
    void client.invoke('rules:get', {}).then((r) => {
      if (!r.ok) return setStatus(errorText(t, r.error));
      setLoaded(r.value);
      setText(r.value.text);
      if (r.value.problems.length) setStatus(rt.ownBroken);
    });
  }, [client, rt]);

  // Parsing a few kilobytes of JSON per key is well under a frame.
  const parsed = useMemo(() => parseRulesText(text, language), [text, language]);
  const tried = useMemo(() => {
    if (!trial || !parsed.ok || !detail || detail.lines.length === 0) return null;
    return extractFields(detail.lines, parsed.rules).fields;
  }, [trial, parsed, detail]);

  const save = async () => {
    const r = await client.invoke('rules:set', { text });
    setStatus(r.ok ? rt.saved : errorText(t, r.error));
    if (r.ok) setLoaded({ text, custom: true });
  };

  if (!loaded) return <p>{status ?? rt.loading}</p>;
  return (
    <div className="rules-editor">
      <textarea
        aria-label={rt.editorLabel}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setStatus(null);
        }}
      />
      {parsed.ok ? (
        <p className="ok" data-testid="rules-check">
          {rt.valid(parsed.rules.revision)}
        </p>
      ) : (
        <ul className="problems" data-testid="rules-check" role="alert">
          {parsed.problems.slice(0, 8).map((p, i) => (
            <li key={i}>
              <code>{p.path}</code> {p.message}
            </li>
          ))}
          {parsed.problems.length > 8 ? <li>{rt.more(parsed.problems.length - 8)}</li> : null}
        </ul>
      )}
      {status ? <p className="status" role="status">{status}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => setTrial((t) => !t)} disabled={!parsed.ok || !detail?.lines.length} title={rt.tryTitle}>
          {trial ? rt.hideTrial : rt.try}
        </button>
        <button type="button" onClick={() => setText(loaded.text)} disabled={text === loaded.text}>
          {rt.discard}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={!parsed.ok || text === loaded.text}>
          {rt.save}
        </button>
      </div>
      {tried && detail ? (
        <table className="trial" data-testid="rules-trial">
          <thead>
            <tr>
              <th>{rt.field}</th>
              <th>{rt.now}</th>
              <th>{rt.withThese}</th>
            </tr>
          </thead>
          <tbody>
            {FIELD_NAMES.map((f) => {
              const now = detail.fields[f]?.value ?? '';
              const next = tried[f]?.value ?? '';
              return (
                <tr key={f} className={now !== next ? 'changed' : ''}>
                  <td>{t.fields[f]}</td>
                  <td>{now || '—'}</td>
                  <td>{next || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/**
 * Settings (Ctrl+,): the theme, how long receipts are kept, and the extraction rules editor.
 */
import { useEffect, useRef, useState } from 'react';
import type { Client } from '../ipc/client';
import { applyTheme, storedTheme, type ThemeChoice } from '../theme';
import { RulesEditor } from './RulesEditor';

function Retention({ client }: { client: Client }) {
  const [hours, setHours] = useState<string>('');
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void client.invoke('settings:get', {}).then((r) => r.ok && setHours(String(r.value.retentionHours)));
  }, [client]);
  const save = async () => {
    const value = Number(hours.replace(',', '.'));
    if (!(value > 0 && value <= 24 * 365)) return setNote('Indique un número de horas entre 1 y 8760.');
    const r = await client.invoke('settings:set', { retentionHours: value });
    setNote(r.ok ? `Se conservan ${r.value.retentionHours} h (los fijados, siempre).` : r.error.message);
  };
  return (
    <fieldset>
      <legend>Retención</legend>
      <label>
        Conservar los comprobantes durante{' '}
        <input type="number" min={1} max={8760} value={hours} onChange={(e) => setHours(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void save())} aria-label="Horas de retención" className="hours" /> horas
      </label>
      <button type="button" onClick={() => void save()}>
        Aplicar
      </button>
      {note ? <small role="status">{note}</small> : null}
    </fieldset>
  );
}

export function SettingsButton({ client }: { client: Client }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  const show = () => {
    setOpen(true);
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === ',') {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" onClick={show} title="Ajustes (Ctrl+,)">
        Ajustes
      </button>
      <dialog ref={dialog} className="dialog settings" aria-labelledby="settings-title" onClose={() => setOpen(false)}>
        <h2 id="settings-title">Ajustes</h2>
        <fieldset>
          <legend>Apariencia</legend>
          {(
            [
              ['system', 'Como el sistema'],
              ['light', 'Claro'],
              ['dark', 'Oscuro'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="theme"
                checked={theme === value}
                onChange={() => {
                  setTheme(value);
                  applyTheme(value);
                }}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {open ? <Retention client={client} /> : null}
        <fieldset>
          <legend>Reglas de extracción</legend>
          {open ? <RulesEditor client={client} /> : null}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cerrar
          </button>
        </div>
      </dialog>
    </>
  );
}

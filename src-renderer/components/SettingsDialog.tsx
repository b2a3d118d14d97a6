/**
 * Settings (Ctrl+,): theme and language (kept on this computer), then what the core keeps for
 * this data folder: retention, the reading profile and pool (workers, threads; a change restarts
 * the readers after the receipts in hand), the watched folder, and the extraction rules editor.
 */
import { useEffect, useRef, useState } from 'react';
import type { Req, Res } from '../../src-shared/ipc/contract';
import { PROFILE_NAMES, type ProfileName } from '../../src-shared/ocr/profiles';
import { errorText, LANGUAGES, setLanguage, useLanguage, useT, type Language } from '../i18n';
import type { Client } from '../ipc/client';
import { applyTheme, storedTheme, type ThemeChoice } from '../theme';
import { RulesEditor } from './RulesEditor';

type CoreSettings = Res<'settings:get'>;

function Appearance() {
  const t = useT().settings;
  const language = useLanguage();
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  return (
    <fieldset>
      <legend>{t.appearance}</legend>
      <div className="setting-row">
        <span className="setting-name" id="theme-label">
          {t.theme}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="theme-label">
          {(['system', 'light', 'dark'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="theme"
                checked={theme === value}
                onChange={() => {
                  setTheme(value);
                  applyTheme(value);
                }}
              />
              {t.themes[value]}
            </label>
          ))}
        </div>
      </div>
      <label className="setting-row">
        <span className="setting-name">{t.language}</span>
        <select aria-label={t.language} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
          {Object.entries(LANGUAGES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** A count from 1 to `max`, or "automatic" (null). */
function CountSelect({ label, value, automatic, max, onChange }: { label: string; value: number | null; automatic: string; max: number; onChange: (n: number | null) => void }) {
  return (
    <label className="setting-row">
      <span className="setting-name">{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
        <option value="">{automatic}</option>
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

interface NumberSettingProps {
  id: string;
  legend: string;
  label: string;
  /** The input's own name where the label alone would not say the unit. */
  inputLabel?: string;
  unit: string;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
  apply: string;
  /** Saves the value; Enter in the field does the same. */
  onApply: () => void;
  note: string | undefined;
}

/** A group of one number and its Apply button, with what saving it said. */
function NumberSetting(p: NumberSettingProps) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      <div className="setting-row">
        <label className="setting-name" htmlFor={p.id}>
          {p.label}
        </label>
        <span className="inline">
          <input id={p.id} type="number" min={p.min} max={p.max} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), p.onApply())} aria-label={p.inputLabel} className="hours" /> {p.unit}
          <button type="button" onClick={p.onApply}>
            {p.apply}
          </button>
        </span>
      </div>
      {p.note ? <small role="status" className="setting-note">{p.note}</small> : null}
    </fieldset>
  );
}

/** The settings the core keeps: loaded once when the dialog opens, each group saved on its own. */
function CoreSettingsForm({ client }: { client: Client }) {
  const all = useT();
  const t = all.settings;
  const [settings, setSettings] = useState<CoreSettings | null>(null);
  const [hours, setHours] = useState('');
  const [days, setDays] = useState('');
  const [notes, setNotes] = useState<{ retention?: string; reading?: string; watch?: string; credit?: string }>({});
  useEffect(() => {
    void client.invoke('settings:get', {}).then((r) => {
      if (!r.ok) return setNotes({ reading: errorText(all, r.error) });
      setSettings(r.value);
      setHours(String(r.value.retentionHours));
      setDays(String(r.value.creditDays));
    });
  }, [client]);
  if (!settings) return notes.reading ? <p role="alert">{notes.reading}</p> : null;

  const save = async (change: Req<'settings:set'>, group: keyof typeof notes, said: (s: CoreSettings) => string) => {
    const r = await client.invoke('settings:set', change);
    if (r.ok) setSettings(r.value);
    setNotes((n) => ({ ...n, [group]: r.ok ? said(r.value) : errorText(all, r.error) }));
  };
  const saveHours = () => {
    const value = Number(hours.replace(',', '.'));
    if (!(value > 0 && value <= 24 * 365)) return setNotes((n) => ({ ...n, retention: t.hoursInvalid }));
    void save({ retentionHours: value }, 'retention', (s) => t.kept(s.retentionHours));
  };

  const saveDays = () => {
    const value = Number(days);
    if (!(Number.isInteger(value) && value >= 0 && value <= 15)) return setNotes((n) => ({ ...n, credit: all.statements.creditDays.invalid }));
    void save({ creditDays: value }, 'credit', (s) => all.statements.creditDays.kept(s.creditDays));
  };

  const watched = (s: CoreSettings) => (s.watchFolder ? t.watching(s.watchFolder) : t.notWatching);
  const stopWatching = () => void save({ watchFolder: null }, 'watch', watched);
  // The folder comes from the system's picker, shown by the core: the window never names a path.
  const pickFolder = async () => {
    const r = await client.invoke('settings:pickWatchFolder', {});
    if (r.ok) setSettings(r.value.settings);
    if (r.ok && !r.value.picked) return;
    setNotes((n) => ({ ...n, watch: r.ok ? watched(r.value.settings) : errorText(all, r.error) }));
  };

  return (
    <>
      <NumberSetting id="retention-hours" legend={t.retention} label={t.keepFor} inputLabel={t.hoursLabel} unit={t.hours} min={1} max={8760} value={hours} onChange={setHours} apply={t.apply} onApply={saveHours} note={notes.retention} />
      <NumberSetting id="credit-days" legend={all.statements.creditDays.legend} label={all.statements.creditDays.label} unit={all.statements.creditDays.days} min={0} max={15} value={days} onChange={setDays} apply={t.apply} onApply={saveDays} note={notes.credit} />
      <fieldset>
        <legend>{t.reading}</legend>
        <label className="setting-row">
          <span className="setting-name">{t.profile}</span>
          <select aria-label={t.profile} value={settings.profile} onChange={(e) => void save({ profile: e.currentTarget.value as ProfileName }, 'reading', () => t.poolApplied)}>
            {PROFILE_NAMES.map((p) => (
              <option key={p} value={p}>
                {t.profiles[p]}
              </option>
            ))}
          </select>
        </label>
        <CountSelect label={t.workers} value={settings.workers} automatic={t.automatic(settings.automatic.workers)} max={settings.cores} onChange={(workers) => void save({ workers }, 'reading', () => t.poolApplied)} />
        <CountSelect label={t.threads} value={settings.threadsPerWorker} automatic={t.automatic(settings.automatic.threadsPerWorker)} max={settings.cores} onChange={(threadsPerWorker) => void save({ threadsPerWorker }, 'reading', () => t.poolApplied)} />
        <small className="hint">{t.cores(settings.cores)}</small>
        {notes.reading ? <small role="status" className="setting-note">{notes.reading}</small> : null}
      </fieldset>
      <fieldset>
        <legend>{t.watchFolder}</legend>
        <small className="hint">{t.watchHint}</small>
        <output className={settings.watchFolder ? 'path' : 'path none'} aria-label={t.watchLabel} data-testid="watch-folder">
          {settings.watchFolder ?? t.noFolder}
        </output>
        <span className="inline">
          {settings.canPickFolder ? (
            <button type="button" onClick={() => void pickFolder()}>
              {t.chooseFolder}
            </button>
          ) : null}
          {settings.watchFolder ? (
            <button type="button" onClick={stopWatching}>
              {t.stopWatching}
            </button>
          ) : null}
        </span>
        {settings.canPickFolder ? null : <small className="hint">{t.noPicker}</small>}
        {notes.watch || settings.watchProblem ? (
          <small role="status" className="setting-note" data-testid="watch-status">
            {notes.watch ?? t.watchGone(settings.watchFolder ?? '')}
          </small>
        ) : null}
      </fieldset>
    </>
  );
}

export function SettingsButton({ client }: { client: Client }) {
  const t = useT().settings;
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
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
      <button type="button" onClick={show} title={t.buttonTitle}>
        {t.button}
      </button>
      {/* A dialog's close event comes a task after it closes: opened again in between (Ctrl+, at
          once), the dialog is open when the event arrives and its groups must stay. */}
      <dialog ref={dialog} className="dialog settings" aria-labelledby="settings-title" onClose={() => setOpen(dialog.current?.open === true)}>
        <h2 id="settings-title">{t.title}</h2>
        <Appearance />
        {open ? <CoreSettingsForm client={client} /> : null}
        <fieldset>
          <legend>{t.rules}</legend>
          {open ? <RulesEditor client={client} /> : null}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => dialog.current?.close()}>
            {t.close}
          </button>
        </div>
      </dialog>
    </>
  );
}

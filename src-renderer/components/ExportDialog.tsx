/**
 * Export: JSON (the legacy consolidated format) or CSV (with the separator the operator's
 * spreadsheet expects), of what the history shows now, of the open receipt, or of everything.
 * Ctrl+E opens it; Esc closes it.
 */
import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n';
import { useStore } from '../state/context';
import { listRequest } from '../state/history';

type Scope = 'filter' | 'open' | 'all';

function download(fileName: string, mime: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [delimiter, setDelimiter] = useState<',' | ';'>(';');
  const [scope, setScope] = useState<Scope>('filter');
  const [busy, setBusy] = useState(false);
  const t = useT().exporting;
  const locale = useLocale();
  const exportAs = useStore((s) => s.exportAs);
  const total = useStore((s) => s.total);
  const query = useStore((s) => s.query);
  const selected = useStore((s) => s.selected);
  const stored = useStore((s) => s.counts.done + s.counts.failed + s.counts.cancelled + s.counts.queued + s.counts.processing);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        if (!dialog.current?.open) dialog.current?.showModal();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = async () => {
    setBusy(true);
    try {
      const { limit: _limit, offset: _offset, ...filter } = listRequest(query, 0);
      const out = await exportAs({
        format,
        ...(format === 'csv' ? { delimiter } : {}),
        ...(scope === 'filter' ? { query: filter } : scope === 'open' && selected ? { sha256: [selected] } : {}),
      });
      if (out) {
        download(out.fileName, out.mime, out.text);
        dialog.current?.close();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} disabled={stored === 0} title={t.buttonTitle}>
        {t.button}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="export-title">
        <form method="dialog" onSubmit={(e) => (e.preventDefault(), void run())}>
          <h2 id="export-title">{t.title}</h2>
          <fieldset>
            <legend>{t.format}</legend>
            <label>
              <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> {t.csv}
            </label>
            <label>
              <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} /> {t.json}
            </label>
          </fieldset>
          {format === 'csv' ? (
            <fieldset>
              <legend>{t.separator}</legend>
              <label>
                <input type="radio" name="delimiter" checked={delimiter === ';'} onChange={() => setDelimiter(';')} /> {t.semicolon}
              </label>
              <label>
                <input type="radio" name="delimiter" checked={delimiter === ','} onChange={() => setDelimiter(',')} /> {t.comma}
              </label>
            </fieldset>
          ) : null}
          <fieldset>
            <legend>{t.what}</legend>
            <label>
              <input type="radio" name="scope" checked={scope === 'filter'} onChange={() => setScope('filter')} /> {t.filtered(total.toLocaleString(locale))}
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'open'} disabled={!selected} onChange={() => setScope('open')} /> {t.open}
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t.all(stored.toLocaleString(locale))}
            </label>
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              {t.close}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t.busy : t.run}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

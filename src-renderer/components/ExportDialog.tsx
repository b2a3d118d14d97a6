/**
 * Export: JSON (the legacy consolidated format) or CSV (with the separator the operator's
 * spreadsheet expects), of what the history shows now, of the open receipt, or of everything.
 * Ctrl+E opens it; Esc closes it.
 */
import { useEffect, useRef, useState } from 'react';
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
  const exportAs = useStore((s) => s.exportAs);
  const total = useStore((s) => s.total);
  const query = useStore((s) => s.query);
  const selected = useStore((s) => s.selected);
  const stored = useStore((s) => s.counts.done + s.counts.failed + s.counts.queued + s.counts.processing);

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
      <button type="button" onClick={() => dialog.current?.showModal()} disabled={stored === 0} title="Exportar (Ctrl+E)">
        Exportar…
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="export-title">
        <form method="dialog" onSubmit={(e) => (e.preventDefault(), void run())}>
          <h2 id="export-title">Exportar</h2>
          <fieldset>
            <legend>Formato</legend>
            <label>
              <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV (hoja de cálculo)
            </label>
            <label>
              <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} /> JSON (formato del sistema anterior)
            </label>
          </fieldset>
          {format === 'csv' ? (
            <fieldset>
              <legend>Separador</legend>
              <label>
                <input type="radio" name="delimiter" checked={delimiter === ';'} onChange={() => setDelimiter(';')} /> Punto y coma (Excel en español)
              </label>
              <label>
                <input type="radio" name="delimiter" checked={delimiter === ','} onChange={() => setDelimiter(',')} /> Coma
              </label>
            </fieldset>
          ) : null}
          <fieldset>
            <legend>Qué exportar</legend>
            <label>
              <input type="radio" name="scope" checked={scope === 'filter'} onChange={() => setScope('filter')} /> Lo que muestra la lista ({total.toLocaleString('es-VE')})
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'open'} disabled={!selected} onChange={() => setScope('open')} /> El comprobante abierto
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Todo ({stored.toLocaleString('es-VE')})
            </label>
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cerrar
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Exportando…' : 'Exportar'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

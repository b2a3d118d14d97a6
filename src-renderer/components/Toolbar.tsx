/**
 * The top bar: adding receipts, this session's batch progress, the queue's counts, and export.
 */
import { useStore } from '../state/context';
import { AddFilesButton } from './DropZone';

function BatchProgress() {
  const dropped = useStore((s) => s.dropped);
  const receipts = useStore((s) => s.receipts);
  const sending = useStore((s) => s.sending);
  if (sending) {
    return (
      <div className="progress" aria-live="polite">
        <progress max={sending.total} value={sending.done} aria-label="Enviando archivos" />
        <span>Enviando {sending.done} de {sending.total}…</span>
      </div>
    );
  }
  if (dropped.length === 0) return null;
  const states = new Map(receipts.map((r) => [r.sha256, r.state]));
  const finished = dropped.filter((sha) => states.get(sha) === 'done' || states.get(sha) === 'failed').length;
  const failed = dropped.filter((sha) => states.get(sha) === 'failed').length;
  return (
    <div className="progress" aria-live="polite" data-testid="batch-progress">
      <progress max={dropped.length} value={finished} aria-label="Progreso del lote" />
      <span>
        {finished} de {dropped.length} leídos{failed > 0 ? `, ${failed} con error` : ''}
      </span>
    </div>
  );
}

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

export function Toolbar() {
  const counts = useStore((s) => s.counts);
  const addFiles = useStore((s) => s.addFiles);
  const exportAs = useStore((s) => s.exportAs);
  const run = async (format: 'csv' | 'json') => {
    const out = await exportAs(format);
    if (out) download(out.fileName, out.mime, out.text);
  };
  return (
    <header className="toolbar">
      <h1>Recibo</h1>
      <AddFilesButton onFiles={(files) => void addFiles(files)} />
      <BatchProgress />
      <span className="counts" data-testid="counts">
        {counts.queued + counts.processing > 0 ? `${counts.queued + counts.processing} pendientes · ` : ''}
        {counts.done} leídos{counts.failed > 0 ? ` · ${counts.failed} con error` : ''}
      </span>
      <div className="spacer" />
      <button type="button" onClick={() => void run('csv')} disabled={counts.done === 0}>
        Exportar CSV
      </button>
      <button type="button" onClick={() => void run('json')} disabled={counts.done === 0}>
        Exportar JSON
      </button>
    </header>
  );
}

/** The window: toolbar, the list of receipts, and the open receipt with its fields. */
import { useCallback, useContext } from 'react';
import { errorText, STATE_LABELS } from '../i18n';
import type { Client } from '../ipc/client';
import { StoreContext, useStore } from '../state/context';
import { filesOfEntries } from '../state/read-files';
import { useReviewKeys } from './use-review-keys';
import { DropOverlay, usePaste, useWindowDrop, type Dropped } from './DropZone';
import { FieldsPanel } from './FieldsPanel';
import { HistoryList } from './HistoryList';
import { ReceiptPreview } from './ReceiptPreview';
import { Toolbar } from './Toolbar';

function OpenReceipt({ client }: { client: Client }) {
  const detail = useStore((s) => s.detail);
  if (!detail) return <main className="receipt empty"><p>Elija un comprobante de la lista.</p></main>;
  return (
    <main className="receipt">
      <ReceiptPreview detail={detail} imageUrl={client.imageUrl(detail.sha256)} />
      {detail.state === 'done' ? (
        <FieldsPanel detail={detail} />
      ) : (
        <section className="fields">
          <p className={`state ${detail.state}`} role="status">
            {STATE_LABELS[detail.state]}
            {detail.error ? `: ${errorText(detail.error)}` : '…'}
          </p>
        </section>
      )}
    </main>
  );
}

function Problem() {
  const problem = useStore((s) => s.problem);
  const connection = useStore((s) => s.connection);
  const dismiss = useStore((s) => s.dismissProblem);
  if (connection === 'lost') return <div className="banner" role="alert">Se perdió la conexión con Recibo; reintentando…</div>;
  if (!problem) return null;
  return (
    <div className="banner" role="alert">
      {problem}
      <button type="button" onClick={dismiss} aria-label="Cerrar aviso">
        ×
      </button>
    </div>
  );
}

export function App({ client }: { client: Client }) {
  const addFiles = useStore((s) => s.addFiles);
  useReviewKeys(useContext(StoreContext)!);
  const onFiles = useCallback((files: File[]) => void addFiles(files), [addFiles]);
  const onDrop = useCallback((d: Dropped) => void addFiles(d.files, d.entries.some((e) => e.isDirectory) ? () => filesOfEntries(d.entries) : undefined), [addFiles]);
  const dragging = useWindowDrop(onDrop);
  usePaste(onFiles);
  return (
    <div className="app">
      <Toolbar client={client} />
      <Problem />
      <div className="workspace">
        <HistoryList />
        <OpenReceipt client={client} />
      </div>
      <DropOverlay visible={dragging} />
    </div>
  );
}

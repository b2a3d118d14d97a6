/** The window: toolbar, then the list of receipts and the open receipt, or the dashboard. */
import { useCallback, useContext, useEffect } from 'react';
import { errorText, useT } from '../i18n';
import type { Client } from '../ipc/client';
import { StoreContext, useStore } from '../state/context';
import { filesOfEntries } from '../state/read-files';
import { isStatementFile } from '../state/statement-files';
import { useReviewKeys } from './use-review-keys';
import { Dashboard } from './Dashboard';
import { DatabaseAlert } from './DatabaseAlert';
import { DropOverlay, usePaste, useWindowDrop, type Dropped } from './DropZone';
import { FieldsPanel } from './FieldsPanel';
import { HistoryList } from './HistoryList';
import { ReceiptPreview } from './ReceiptPreview';
import { Toolbar } from './Toolbar';

function OpenReceipt({ client }: { client: Client }) {
  const t = useT();
  const detail = useStore((s) => s.detail);
  const rerun = useStore((s) => s.rerun);
  if (!detail) return <main className="receipt empty"><p>{t.app.chooseReceipt}</p></main>;
  return (
    <main className="receipt">
      <ReceiptPreview detail={detail} imageUrl={client.imageUrl(detail.sha256)} />
      {detail.state === 'done' ? (
        <FieldsPanel detail={detail} />
      ) : (
        <section className="fields">
          <p className={`state ${detail.state}`} role="status">
            {t.state[detail.state]}
            {detail.error ? `: ${errorText(t, detail.error)}` : detail.state === 'cancelled' ? '' : '…'}
          </p>
          {detail.state === 'failed' || detail.state === 'cancelled' ? (
            <button type="button" onClick={() => void rerun(detail.sha256)} aria-keyshortcuts="R">
              {t.app.readAgain}
            </button>
          ) : null}
        </section>
      )}
    </main>
  );
}

function Problem() {
  const t = useT();
  const problem = useStore((s) => s.problem);
  const connection = useStore((s) => s.connection);
  const dismiss = useStore((s) => s.dismissProblem);
  if (connection === 'lost') return <div className="banner" role="alert">{t.app.connectionLost}</div>;
  if (!problem) return null;
  return (
    <div className="banner" role="alert">
      {problem}
      <button type="button" onClick={dismiss} aria-label={t.app.closeNotice}>
        ×
      </button>
    </div>
  );
}

/** Ctrl+1 the review, Ctrl+2 the dashboard. */
function useViewKeys(setView: (v: 'review' | 'dashboard') => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || (e.key !== '1' && e.key !== '2')) return;
      e.preventDefault();
      setView(e.key === '1' ? 'review' : 'dashboard');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);
}

export function App({ client }: { client: Client }) {
  const addFiles = useStore((s) => s.addFiles);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  useReviewKeys(useContext(StoreContext)!);
  useViewKeys(setView);
  const onFiles = useCallback((files: File[]) => void addFiles(files), [addFiles]);
  const openStatements = useStore((s) => s.openStatements);
  // A bank statement dropped on the window goes to its preview; images (and folders) are receipts.
  const onDrop = useCallback(
    (d: Dropped) => {
      const folders = d.entries.some((e) => e.isDirectory);
      const statements = folders ? [] : d.files.filter((f) => isStatementFile(f.name));
      if (statements.length > 0) openStatements(statements);
      const receipts = d.files.filter((f) => !statements.includes(f));
      if (receipts.length > 0 || folders) void addFiles(receipts, folders ? () => filesOfEntries(d.entries) : undefined);
    },
    [addFiles, openStatements],
  );
  const dragging = useWindowDrop(onDrop);
  usePaste(onFiles);
  return (
    <div className="app">
      <Toolbar client={client} />
      <Problem />
      <DatabaseAlert client={client} />
      {view === 'dashboard' ? (
        <Dashboard client={client} />
      ) : (
        <div className="workspace">
          <HistoryList />
          <OpenReceipt client={client} />
        </div>
      )}
      <DropOverlay visible={dragging} />
    </div>
  );
}

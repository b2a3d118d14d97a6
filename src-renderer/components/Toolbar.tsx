/** The top bar: adding receipts, this session's batch, the queue's counts, export, and the views. */
import { useT } from '../i18n';
import type { Client } from '../ipc/client';
import { useStore } from '../state/context';
import { BatchProgress } from './BatchProgress';
import { AddFilesButton } from './DropZone';
import { ExportButton } from './ExportDialog';
import { SettingsButton } from './SettingsDialog';

function ViewSwitch() {
  const t = useT();
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  return (
    <div className="view-switch" role="group" aria-label={t.toolbar.views} title={t.toolbar.viewKeys}>
      {(['review', 'dashboard'] as const).map((v) => (
        <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
          {v === 'review' ? t.toolbar.reviewView : t.toolbar.dashboardView}
        </button>
      ))}
    </div>
  );
}

export function Toolbar({ client }: { client: Client }) {
  const t = useT();
  const counts = useStore((s) => s.counts);
  const addFiles = useStore((s) => s.addFiles);
  const countsText = [
    counts.queued + counts.processing > 0 ? t.toolbar.pending(counts.queued + counts.processing) : '',
    t.toolbar.read(counts.done),
    counts.failed > 0 ? t.toolbar.withError(counts.failed) : '',
    counts.cancelled > 0 ? t.toolbar.cancelled(counts.cancelled) : '',
  ].join('');
  return (
    <header className="toolbar">
      <h1>Recibo</h1>
      <AddFilesButton onFiles={(files) => void addFiles(files)} />
      <BatchProgress />
      {/* In a narrow window the counts give way (ellipsis); the whole line is in the tooltip. */}
      <span className="counts" data-testid="counts" title={countsText}>
        {countsText}
      </span>
      <div className="spacer" />
      <ViewSwitch />
      <ExportButton />
      <SettingsButton client={client} />
    </header>
  );
}

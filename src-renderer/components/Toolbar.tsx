/** The top bar: adding receipts, this session's batch, the queue's counts, export, and the views. */
import { useStore } from '../state/context';
import { BatchProgress } from './BatchProgress';
import { AddFilesButton } from './DropZone';
import { ExportButton } from './ExportDialog';
import { SettingsButton } from './SettingsDialog';
import type { Client } from '../ipc/client';

export function Toolbar({ client }: { client: Client }) {
  const counts = useStore((s) => s.counts);
  const addFiles = useStore((s) => s.addFiles);
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
      <ExportButton />
      <SettingsButton client={client} />
    </header>
  );
}

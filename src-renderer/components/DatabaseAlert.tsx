/**
 * Damage the core found in the history while the app runs (the integrity check after an
 * unclean shutdown): said at once and kept on screen, with what to do. Asked once at start too,
 * for a check that ended before the window was listening.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import type { Client } from '../ipc/client';

export function DatabaseAlert({ client }: { client: Client }) {
  const t = useT().app;
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void client.invoke('app:health', {}).then((r) => r.ok && r.value.databaseProblem && setProblem(r.value.databaseProblem));
    return client.on('database:damaged', (p) => setProblem(p.reason));
  }, [client]);
  if (!problem) return null;
  return (
    <div className="banner" role="alert" data-testid="database-damaged">
      {t.databaseDamaged(problem)}
    </div>
  );
}

/**
 * What the desktop app does when the history's database is damaged at start: it says so and
 * offers the last good backup, in the system's own dialog (the window cannot open on a history
 * that cannot be trusted). Restoring keeps the damaged file aside and says what was lost.
 */
import type { Dialog } from 'electron';
import { goodBackups, type BackupInfo } from '../db/backups';
import { lockDataFolder } from '../db/folder-lock';
import type { DamagedDatabaseError } from '../db/open';
import { repairDatabase, type RepairReport } from '../db/repair';

const receipts = (n: number) => `${n} ${n === 1 ? 'comprobante' : 'comprobantes'}`;
const when = (d: Date) => d.toLocaleString('es-VE', { dateStyle: 'medium', timeStyle: 'short' });

/** The offer's words: what is wrong, and what restoring the newest good backup would bring back. */
function restoreOffer(error: DamagedDatabaseError, backup: BackupInfo | null): { message: string; detail: string; restoreLabel: string | null } {
  const message = 'El historial de Recibo está dañado';
  const why = `Motivo: ${error.reason}.\nNo se cambió nada; el archivo dañado se guardará aparte.`;
  if (!backup) return { message, detail: `${why}\n\nNo hay ninguna copia buena: puede empezar un historial vacío (las imágenes guardadas se conservan).`, restoreLabel: 'Empezar un historial vacío' };
  return {
    message,
    detail: `${why}\n\nLa última copia buena es del ${when(backup.takenAt)}, con ${receipts(backup.receipts)}. Lo recibido, leído o corregido después se pierde.`,
    restoreLabel: 'Restaurar la copia',
  };
}

/** After a restore: what the operator has now. */
function restoreResult(report: RepairReport): string {
  if (report.status === 'healthy') return 'La base de datos está sana; no se cambió nada.';
  const lines = [report.backup ? `Se restauró la copia del ${when(report.backup.takenAt)} (${receipts(report.backup.receipts)}).` : 'Se empezó un historial vacío.', `El archivo dañado quedó en ${report.damagedKeptAs}.`];
  if (report.imagesNotInHistory > 0) lines.push(`${report.imagesNotInHistory} imágenes guardadas no están en el historial restaurado: suéltelas de nuevo para leerlas.`);
  return lines.join('\n');
}

/** Shows the offer; true when the database was restored and the app may start. */
export async function offerRestore(dialog: Pick<Dialog, 'showMessageBox'>, dataDir: string, error: DamagedDatabaseError): Promise<boolean> {
  const offer = restoreOffer(error, goodBackups(dataDir)[0] ?? null);
  const buttons = [offer.restoreLabel!, 'Salir'];
  const { response } = await dialog.showMessageBox({ type: 'error', title: 'Recibo', message: offer.message, detail: offer.detail, buttons, defaultId: 0, cancelId: 1, noLink: true });
  if (response !== 0) return false;
  const release = lockDataFolder(dataDir);
  let report: RepairReport;
  try {
    report = repairDatabase(dataDir, new Date());
  } finally {
    release();
  }
  await dialog.showMessageBox({ type: 'info', title: 'Recibo', message: 'Historial restaurado', detail: restoreResult(report), buttons: ['Continuar'] });
  return true;
}

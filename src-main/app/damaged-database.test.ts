/**
 * The desktop app's offer when the history is damaged at start: the system dialog's words, and a
 * real restore behind its first button. Electron cannot start here; `showMessageBox` is played
 * by the operator's answers.
 */
import { copyFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../db/backups';
import { DamagedDatabaseError } from '../db/open';
import { stateCounts } from '../db/receipts';
import { openCore } from '../core/data-folder';
import { takeIn } from '../core/intake';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { offerRestore } from './damaged-database';

const tmp = useTempDir();

async function emptiedFolder(name: string) {
  const dataDir = path.join(tmp.path, name);
  const core = openCore(dataDir, () => new Date('2026-12-06T09:00:00Z'));
  const image = path.join(tmp.path, `${name}.png`);
  await copyFile(path.join(FIXTURES, 'r001-bdv-light.png'), image);
  await takeIn(core, [image], { profile: 'balanced', label: 'test' });
  backupDatabase(core.db, dataDir, 'daily', new Date('2026-12-07T09:00:00Z'));
  core.close();
  await truncate(path.join(dataDir, 'recibo.db'), 0);
  let error: unknown;
  try {
    openCore(dataDir);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DamagedDatabaseError);
  return { dataDir, error: error as DamagedDatabaseError };
}

function operator(answers: number[]) {
  const shown: { message: string; detail?: string; buttons?: string[] }[] = [];
  return { shown, dialog: { showMessageBox: async (options: { message: string; detail?: string; buttons?: string[] }) => (shown.push(options), { response: answers.shift() ?? 0, checkboxChecked: false }) } };
}

describe('the offer of the last good backup', () => {
  it('says what is wrong and what the backup holds; restoring brings its receipts back', async () => {
    const { dataDir, error } = await emptiedFolder('restore');
    const { shown, dialog } = operator([0, 0]);
    expect(await offerRestore(dialog as never, dataDir, error)).toBe(true);
    expect(shown[0]).toMatchObject({ message: 'El historial de Recibo está dañado', buttons: ['Restaurar la copia', 'Salir'] });
    expect(shown[0]!.detail).toMatch(/vacío \(0 bytes\)|empty \(0 bytes\)/);
    expect(shown[0]!.detail).toMatch(/con 1 comprobante\./);
    expect(shown[1]!.detail).toMatch(/^Se restauró la copia del .*\(1 comprobante\)\.\nEl archivo dañado quedó en .*recibo\.db\.damaged-/);
    const core = openCore(dataDir);
    expect(Object.values(stateCounts(core.db)).reduce((a, b) => a + b)).toBe(1);
    core.close();
  });

  it('changes nothing when the operator chooses to quit', async () => {
    const { dataDir, error } = await emptiedFolder('quit');
    const { dialog } = operator([1]);
    expect(await offerRestore(dialog as never, dataDir, error)).toBe(false);
    expect(() => openCore(dataDir)).toThrow(DamagedDatabaseError);
  });
});

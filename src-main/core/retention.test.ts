import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { addCorrectionRecord, sweepRecords } from '../db/fixtures';
import { receiptById, stateCounts } from '../db/receipts';
import { setPinned } from '../db/review';
import { setRetentionHours } from '../db/settings';
import { storedMovements } from '../db/statements';
import { openCore } from './data-folder';
import { importStatement } from './statement-import';
import { takeIn } from './intake';
import { sweep } from './retention';

const tmp = useTempDir();

describe('retention', () => {
  it('removes expired receipts and their images, keeps pinned and recent ones, and records counts only', async () => {
    let clock = new Date('2026-11-23T08:00:00Z');
    const core = openCore(path.join(tmp.path, 'data'), () => clock);
    setRetentionHours(core.db, 24);
    const files = ['r001-bdv-light.png', 'r003-beside-light.jpg', 'r004-web-grid-light.jpg'].map((f) => path.join(FIXTURES, f));
    const old = await takeIn(core, files.slice(0, 2), { profile: 'balanced', label: 'old' });
    setPinned(core.db, old.items[1]!.receiptId!, true);
    addCorrectionRecord(core.db, old.items[0]!.receiptId!, { field: 'monto', from: '1.00', to: '2.00', at: 't' });
    clock = new Date('2026-11-23T20:00:00Z');
    const recent = await takeIn(core, files.slice(2), { profile: 'balanced', label: 'recent' });
    expect(receiptById(core.db, recent.items[0]!.receiptId!)?.expires_at).toBe('2026-11-24T20:00:00.000Z');
    // An image whose receipt a crash never recorded.
    const orphan = core.store.pathOf('f'.repeat(64), 'png');
    await mkdir(path.dirname(orphan), { recursive: true });
    await copyFile(files[0]!, orphan);
    const report = await sweep(core, new Date('2026-11-24T09:00:00Z'));
    expect(report).toMatchObject({ receipts: 1, corrections: 1, images: 2 });
    expect(existsSync(core.store.pathOf(old.items[0]!.sha256!, 'png'))).toBe(false);
    expect(existsSync(core.store.pathOf(old.items[1]!.sha256!, 'jpeg'))).toBe(true);
    expect(existsSync(orphan)).toBe(false);
    expect(Object.values(stateCounts(core.db)).reduce((a, b) => a + b)).toBe(2);
    expect(sweepRecords(core.db)).toEqual([expect.objectContaining({ receipts: 1, corrections: 1 })]);
    core.db.close();
  });

  it('refuses a retention that is not a positive number of hours', () => {
    const core = openCore(path.join(tmp.path, 'data2'));
    expect(() => setRetentionHours(core.db, 0)).toThrow(/positive number of hours/);
    core.db.close();
  });

  it('keeps a bank statement as long as receipts are kept, and imports the same file once', async () => {
    let clock = new Date('2026-11-23T08:00:00Z');
    const core = openCore(path.join(tmp.path, 'statements'), () => clock);
    const file = { name: 'estado.csv', bytes: new TextEncoder().encode('Fecha;Referencia;Monto\r\n23/11/2026;965664;1.250,75\r\n') };
    expect(await importStatement(core, file)).toMatchObject({ added: true, format: 'delimited', movements: 1, credits: 1 });
    expect(await importStatement(core, file)).toMatchObject({ added: false });
    expect(storedMovements(core.db)).toHaveLength(1);
    clock = new Date('2026-11-24T07:59:00Z');
    await sweep(core, clock);
    expect(storedMovements(core.db)).toHaveLength(1);
    clock = new Date('2026-11-24T08:00:00Z');
    await sweep(core, clock);
    expect(storedMovements(core.db)).toEqual([]);
    core.db.close();
  });
});

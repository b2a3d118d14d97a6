/**
 * A damaged database is never replaced silently (issue 40, item 4): emptied, overwritten in the
 * middle or cut short, it is refused with its reason and left untouched; `repair` keeps it aside,
 * restores the newest good backup and says what the restored history lacks. Real data folders,
 * real images, real SQLite files.
 */
import Database from 'better-sqlite3';
import { copyFile, mkdir, open, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../core/data-folder';
import { takeIn } from '../core/intake';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { backupDatabase, goodBackups } from './backups';
import { MIGRATIONS } from './migrations';
import { DamagedDatabaseError, migrate } from './open';
import { databaseIsHealthy, repairDatabase } from './repair';

const tmp = useTempDir();
const IMAGES = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r007-bdv-dark.jpg'];

/** A data folder with two receipts in its backup and two more taken in after it. */
async function folderWithHistory(name: string) {
  const dataDir = path.join(tmp.path, name);
  let clock = new Date('2026-12-07T09:00:00Z');
  const core = openCore(dataDir, () => clock);
  const file = async (i: number) => {
    const copy = path.join(tmp.path, `${name}-${IMAGES[i]}`);
    await copyFile(path.join(FIXTURES, IMAGES[i]!), copy);
    return copy;
  };
  await takeIn(core, [await file(0), await file(1)], { profile: 'balanced', label: 'first' });
  clock = new Date('2026-12-07T10:00:00Z');
  backupDatabase(core.db, dataDir, 'daily', clock);
  await takeIn(core, [await file(2), await file(3)], { profile: 'balanced', label: 'second' });
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return { dataDir, db: path.join(dataDir, 'recibo.db') };
}

/** Overwrites one page in the middle of the file with garbage. */
async function damagePage(file: string) {
  const size = (await stat(file)).size;
  const pageSize = 4096;
  const page = Math.floor(size / pageSize / 2);
  const handle = await open(file, 'r+');
  await handle.write(Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
  await handle.close();
}

describe('a damaged database', () => {
  it.each([
    ['emptied (0 bytes)', (file: string) => truncate(file, 0)],
    ['overwritten in the middle', damagePage],
    ['cut short', async (file: string) => writeFile(file, (await readFile(file)).subarray(0, 3000))],
  ])('%s: refused at open with the reason, the file untouched; repair restores the last good backup', async (kind, damage) => {
    const { dataDir, db } = await folderWithHistory(kind.replace(/\W+/g, '-'));
    expect(databaseIsHealthy(db)).toBe(true);
    await damage(db);
    const damaged = await readFile(db);
    expect(() => openCore(dataDir)).toThrow(DamagedDatabaseError);
    expect(() => openCore(dataDir)).toThrow(/receipt-ocr repair --data-dir/);
    expect((await readFile(db)).equals(damaged)).toBe(true);

    const report = repairDatabase(dataDir, new Date('2026-12-07T11:00:00Z'));
    expect(report).toMatchObject({ status: 'restored', backup: { receipts: 2, reason: 'daily', takenAt: new Date('2026-12-07T10:00:00Z') }, imagesNotInHistory: 2 });
    if (report.status === 'healthy') throw new Error('unreachable');
    expect((await readFile(report.damagedKeptAs)).equals(damaged)).toBe(true);
    const core = openCore(dataDir);
    expect(core.db.prepare('SELECT original_name FROM receipts ORDER BY id').pluck().all()).toEqual(IMAGES.slice(0, 2).map((n) => `${kind.replace(/\W+/g, '-')}-${n}`));
    core.close();
    // Repairing a healthy database changes nothing.
    expect(repairDatabase(dataDir, new Date())).toEqual({ status: 'healthy' });
  });

  it('with no good backup, repair keeps the damaged file and starts an empty history, saying so', async () => {
    const { dataDir, db } = await folderWithHistory('no-backup');
    for (const backup of goodBackups(dataDir)) await writeFile(backup.file, 'not a database');
    await damagePage(db);
    const report = repairDatabase(dataDir, new Date('2026-12-07T11:00:00Z'));
    expect(report).toMatchObject({ status: 'started-empty', backup: null, imagesNotInHistory: 4 });
  });

  it('a backup is taken once a day, and only the newest five are kept', async () => {
    const dataDir = path.join(tmp.path, 'rolling');
    let clock = new Date('2026-12-01T09:00:00Z');
    for (let day = 0; day < 8; day++) {
      openCore(dataDir, () => clock).close();
      // Opened again the same day: no second daily backup.
      openCore(dataDir, () => clock).close();
      clock = new Date(clock.getTime() + 24 * 3_600_000);
    }
    const backups = goodBackups(dataDir);
    expect(backups.map((b) => b.takenAt.toISOString().slice(0, 10))).toEqual(['2026-12-08', '2026-12-07', '2026-12-06', '2026-12-05', '2026-12-04']);
    expect(backups.every((b) => b.reason === 'daily')).toBe(true);
  });

  it('a database an older Recibo wrote is backed up before it is migrated', async () => {
    const dataDir = path.join(tmp.path, 'older');
    await mkdir(dataDir);
    const old = new Database(path.join(dataDir, 'recibo.db'));
    migrate(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1));
    old.close();
    openCore(dataDir, () => new Date('2026-12-07T12:00:00Z')).close();
    const migration = goodBackups(dataDir).find((b) => b.reason === 'migration');
    expect(migration).toBeDefined();
    const copy = new Database(migration!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
    copy.close();
  });
});

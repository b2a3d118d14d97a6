/**
 * The data commands at the edges (issue 40, items 4 and 7): `repair` on a damaged folder, a
 * data folder that does not exist (never created by a command that only reads), and output
 * piped into a reader that stops early. The installed command, as an operator runs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from './db/backups';
import { insertReceipt } from './db/receipts';
import { openCore } from './core/data-folder';
import { appRoot } from './paths';
import { runCli } from './test-support/cli';
import { useTempDir } from './test-support/temp-dir';

const tmp = useTempDir();
const BIN = path.join(appRoot(), 'bin', 'receipt-ocr.js');

const cli = (...args: string[]) => runCli(args, { cwd: tmp.path });

/** A folder with `n` receipts and a backup of them. */
function folder(name: string, n: number): string {
  const dataDir = path.join(tmp.path, name);
  const core = openCore(dataDir);
  for (let i = 0; i < n; i++) {
    insertReceipt(core.db, { sha256: i.toString(16).padStart(64, '0'), originalName: `pago-${i}.png`, ext: 'png', sizeBytes: 10, receivedAt: '2026-12-07T09:00:00.000Z', expiresAt: '2099-12-08T09:00:00.000Z', metadata: '{}' });
  }
  backupDatabase(core.db, dataDir, 'daily', new Date(Date.now() + 60_000));
  core.close();
  return dataDir;
}

describe('data commands at the edges', () => {
  it('status, export and sweep on a folder that does not exist: exit 1 with the reason, nothing created', async () => {
    const missing = path.join(tmp.path, 'no-such-folder');
    for (const args of [['status'], ['export', '--format', 'csv'], ['sweep']]) {
      const { code, stderr } = await cli(...args, '--data-dir', missing);
      expect(code, args[0]).toBe(1);
      expect(stderr).toMatch(/holds no Recibo data/);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('a damaged database: every command refuses it naming repair; repair restores the backup and says what was lost', async () => {
    const dataDir = folder('damaged', 3);
    await truncate(path.join(dataDir, 'recibo.db'), 0);
    const refused = await cli('status', '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/damaged \(the file is empty \(0 bytes\).*receipt-ocr repair --data-dir/);
    const repaired = await cli('repair', '--data-dir', dataDir);
    expect(repaired).toMatchObject({ code: 0, stderr: '' });
    expect(repaired.stdout).toMatch(/kept as .*recibo\.db\.damaged-.*\nRestored the backup of .* \(daily\), with 3 receipts\.\nLost: /);
    expect((await cli('status', '--data-dir', dataDir)).stdout).toMatch(/^queued 3,/);
    expect((await cli('repair', '--data-dir', dataDir)).stdout).toMatch(/is healthy/);
  });

  it('`status | head -n 1` ends quietly when the reader stops (no EPIPE stack)', () => {
    const dataDir = folder('piped', 3000);
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" status --data-dir "${dataDir}" 2>"${path.join(tmp.path, 'err.txt')}" | head -n 1; echo "exit \${PIPESTATUS[0]}"; cat "${path.join(tmp.path, 'err.txt')}"`], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/^queued 3000, processing 0, done 0, failed 0; possible duplicates 0\nexit 0\n$/);
  });
});

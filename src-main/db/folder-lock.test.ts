/**
 * The data folder's lock (issue 40, item 5): an OS lock, dropped by the kernel when its holder
 * dies, so a restart right after a SIGKILL always gets it and a pid is never trusted.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths';
import { useTempDir } from '../test-support/temp-dir';
import { DataFolderBusyError, lockDataFolder } from './folder-lock';

const tmp = useTempDir();

/** `receipt-ocr watch` on the folder: a real process that holds the lock until it is stopped. */
async function holdingProcess(dataDir: string) {
  const inbox = path.join(tmp.path, 'inbox');
  await mkdir(inbox, { recursive: true });
  const child = spawn(process.execPath, [path.join(appRoot(), 'bin', 'receipt-ocr.js'), 'watch', '--data-dir', dataDir, inbox], { stdio: 'ignore' });
  const pidFile = path.join(dataDir, 'recibo.lock');
  const end = Date.now() + 20_000;
  while (!(existsSync(pidFile) && readFileSync(pidFile, 'utf8') === String(child.pid))) {
    if (Date.now() > end || child.exitCode !== null) throw new Error('receipt-ocr watch did not take the lock');
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

describe('data folder lock', () => {
  it('lets one holder in at a time, and is released', () => {
    const dir = path.join(tmp.path, 'one');
    const release = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(DataFolderBusyError);
    release();
    lockDataFolder(dir)();
  });

  it('refuses while another living process holds it, naming it; taken at once after that process is SIGKILLed', async () => {
    const dir = path.join(tmp.path, 'killed');
    const other = await holdingProcess(dir);
    expect(() => lockDataFolder(dir)).toThrow(new RegExp(`Another Recibo process \\(pid ${other.pid}\\)`));
    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    // No waiting, no stale-lock check: the kernel dropped the lock with the process.
    lockDataFolder(dir)();
  });

  it('is not blocked by a pid file naming a living, unrelated process (a pid reused after a reboot)', async () => {
    const dir = path.join(tmp.path, 'reused');
    await mkdir(dir);
    // The old lock format: a file holding a pid. Here: this very test process's parent, alive.
    await writeFile(path.join(dir, 'recibo.lock'), String(process.ppid));
    const release = lockDataFolder(dir);
    expect(readFileSync(path.join(dir, 'recibo.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});

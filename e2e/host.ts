/**
 * The browser host as a user starts it (`node dist/main/dev-web.js`), on a fresh data folder,
 * for one test. Its OCR workers are its child processes: the fault test finds and kills them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const FIXTURES = path.join(ROOT, 'fixtures', 'receipts');
export const REAL_VE = path.join(process.env.RECIBO_DATASETS ?? path.resolve(ROOT, '..', 'shared', 'datasets'), 'real-ve');

export interface Host {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Output of the host so far (shown when a test fails). */
  output: string[];
  /** The host's child processes (its OCR workers), by pid. */
  workerPids(): number[];
  stop(): Promise<void>;
}

export async function startHost(args: readonly string[] = []): Promise<Host> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'recibo-e2e-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main', 'dev-web.js'), '--data-dir', dataDir, '--workers', '1', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output.push(line);
      const m = /running at (http:\/\/\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before it was ready:\n${output.join('\n')}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    output,
    workerPids: () => childrenOf(child.pid!),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while listing
    }
  }
  return out;
}

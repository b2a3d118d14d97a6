/** `receipt-ocr` as a user runs it (the launcher in bin/), for the CLI's tests: exit code and both outputs. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { appRoot } from '../paths';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(appRoot(), 'bin', 'receipt-ocr.js'), ...args], { cwd: opts.cwd, ...(opts.env ? { env: opts.env } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

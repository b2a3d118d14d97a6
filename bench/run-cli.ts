/**
 * `receipt-ocr extract` as a user runs it, for the benchmarks: node start, workers (or none, for
 * one image), model load and every image, with the wall clock. Always with the default rules, whatever the operator's data
 * folder holds: figures must be reproducible.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ProfileName } from '../src-shared/ocr/profiles';
import type { ImageRecord } from '../src-shared/receipt/record';
import { appRoot } from '../src-main/paths';

export function runExtract(files: readonly string[], profile: ProfileName): Promise<{ wallMs: number; records: ImageRecord[] }> {
  const root = appRoot();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env = { ...process.env, RECIBO_DATA_DIR: path.join(root, 'bench-results', 'no-user-rules') };
    // Started as the installed `receipt-ocr` is, by its own first line (which sets the allocator
    // settings it runs with); Windows has no such lines.
    const bin = path.join(root, 'bin', 'receipt-ocr.js');
    const [command, ...args] = process.platform === 'win32' ? [process.execPath, bin] : [bin];
    const child = spawn(command!, [...args, 'extract', '--profile', profile, ...files], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`receipt-ocr exited with ${code}`));
      resolve({ wallMs: performance.now() - started, records: out.trim().split('\n').map((l) => JSON.parse(l) as ImageRecord) });
    });
  });
}

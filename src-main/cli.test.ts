/**
 * receipt-ocr as other tools call it: the `bin` entry in a child process.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImageRecordSchema, type ImageRecord } from '../src-shared/receipt/record';
import { appRoot } from './paths';
import { FIXTURES } from './test-support/datasets';
import { useTempDir } from './test-support/temp-dir';

const tmp = useTempDir();

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(appRoot(), 'bin', 'receipt-ocr.js'), ...args], { cwd: tmp.path });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const records = (jsonl: string) => jsonl.trimEnd().split('\n').map((l) => ImageRecordSchema.parse(JSON.parse(l)));

describe('receipt-ocr extract', () => {
  beforeAll(async () => {
    // inbox/2.png, inbox/10.jpg, inbox/sub/1-broken.png, plus files a folder must not yield.
    await mkdir(path.join(tmp.path, 'inbox', 'sub'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'r001-bdv-light.png'), path.join(tmp.path, 'inbox', '2.png'));
    await copyFile(path.join(FIXTURES, 'r003-beside-light.jpg'), path.join(tmp.path, 'inbox', '10.jpg'));
    await writeFile(path.join(tmp.path, 'inbox', 'sub', '1-broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await writeFile(path.join(tmp.path, 'inbox', 'notes.txt'), 'not an image');
    await writeFile(path.join(tmp.path, 'inbox', '.hidden.png'), 'hidden');
  });

  it('prints one jsonl record per image, folders expanded and sorted, a bad file not stopping the rest', async () => {
    const { code, stdout, stderr } = await cli('extract', 'inbox', 'missing.png');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out: ImageRecord[] = records(stdout);
    expect(out.map((r) => r.file)).toEqual([path.join('inbox', '2.png'), path.join('inbox', '10.jpg'), path.join('inbox', 'sub', '1-broken.png'), 'missing.png']);
    expect(out.map((r) => r.status)).toEqual(['ok', 'ok', 'error', 'error']);
    expect(out.map((r) => r.error?.code)).toEqual([undefined, undefined, 'CORRUPT_IMAGE', 'NOT_FOUND']);
    const first = out[0]!;
    expect(Object.keys(first.timings_ms!)).toEqual(['decode', 'detect', 'recognize', 'layout', 'extract', 'total']);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.text!.split('\n')).toHaveLength(first.lines!.length);
    expect(first).toMatchObject({ fields: {}, metadata: {} });
  });

  it('writes csv and json to a file with --out', async () => {
    expect((await cli('extract', '--format', 'csv', '--out', 'out.csv', 'inbox/2.png', 'inbox/sub')).code).toBe(0);
    const rows = parse(await readFile(path.join(tmp.path, 'out.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([['ok', ''], ['error', 'CORRUPT_IMAGE']]);
    const json = await cli('extract', '--format', 'json', '--profile', 'fast', 'inbox/10.jpg');
    expect(JSON.parse(json.stdout)).toHaveLength(1);
  });

  it('exits with 2 and the usage on usage errors', async () => {
    for (const args of [[], ['extract'], ['extract', '--profile', 'turbo', 'inbox'], ['extract', '--format', 'pdf', 'inbox']]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Usage: receipt-ocr extract/);
      expect(r.stdout).toBe('');
    }
    expect((await cli('--help')).code).toBe(0);
  });
});

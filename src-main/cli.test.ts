/**
 * receipt-ocr as other tools call it: the `bin` entry in a child process.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImageRecordSchema, type ImageRecord } from '../src-shared/receipt/record';
import { GLIBC_TUNABLES } from './ocr/parent/worker-process';
import { appRoot } from './paths';
import { FIXTURES } from './test-support/datasets';
import { runCli } from './test-support/cli';
import { useTempDir } from './test-support/temp-dir';

const tmp = useTempDir();

// The data folder is the test's own: an operator's rules in ~/.config never change results here.
const cli = (...args: string[]) => runCli(args, { cwd: tmp.path, env: { ...process.env, RECIBO_DATA_DIR: path.join(tmp.path, 'data') } });

interface RenderedTruth {
  fields: Record<string, string>;
}
const truth = JSON.parse(readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8')) as Record<string, RenderedTruth>;
const BDV = 'r001-bdv-light.png';

const records = (jsonl: string) => jsonl.trimEnd().split('\n').map((l) => ImageRecordSchema.parse(JSON.parse(l)));

describe('receipt-ocr extract', () => {
  beforeAll(async () => {
    // inbox/2.png, inbox/10.jpg, inbox/sub/1-broken.png, plus files a folder must not yield.
    await mkdir(path.join(tmp.path, 'inbox', 'sub'), { recursive: true });
    await copyFile(path.join(FIXTURES, BDV), path.join(tmp.path, 'inbox', '2.png'));
    await copyFile(path.join(FIXTURES, BDV), path.join(tmp.path, '20250711-3--584121234567@c.us_juan_14:30.png'));
    await copyFile(path.join(FIXTURES, 'r003-beside-light.jpg'), path.join(tmp.path, 'inbox', '10.jpg'));
    await writeFile(path.join(tmp.path, 'inbox', 'sub', '1-broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await writeFile(path.join(tmp.path, 'inbox', 'notes.txt'), 'not an image');
    await writeFile(path.join(tmp.path, 'inbox', '.hidden.png'), 'hidden');
  });

  it('prints one jsonl record per image, folders expanded and sorted, a bad file not stopping the rest', async () => {
    const { code, stdout, stderr } = await cli('extract', 'inbox', 'missing.png');
    // The note in the folder is not silently dropped: it is named, as skipped.
    expect(stderr).toBe(`receipt-ocr: ${path.join('inbox', 'notes.txt')}: skipped, not named as an image\n`);
    expect(code).toBe(0);
    const out: ImageRecord[] = records(stdout);
    expect(out.map((r) => r.file)).toEqual([path.join('inbox', '2.png'), path.join('inbox', '10.jpg'), path.join('inbox', 'sub', '1-broken.png'), 'missing.png']);
    expect(out.map((r) => r.status)).toEqual(['ok', 'ok', 'error', 'error']);
    expect(out.map((r) => r.error?.code)).toEqual([undefined, undefined, 'CORRUPT_IMAGE', 'NOT_FOUND']);
    const first = out[0]!;
    expect(Object.keys(first.timings_ms!)).toEqual(['decode', 'detect', 'recognize', 'layout', 'extract', 'total']);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.text!.split('\n')).toHaveLength(first.lines!.length);
    // Every field of the BDV receipt, canonical; no WhatsApp convention in "2.png".
    const { currency, ...want } = truth[BDV]!.fields;
    expect(Object.fromEntries(Object.entries(first.fields).map(([k, f]) => [k, f.value]))).toEqual(want);
    expect(first.fields.monto!.currency).toBe(currency);
    expect(first.metadata).toEqual({});
    expect(first.dedupe_key).toBe(`${want.referencia}|${want.monto} ${currency}|${want.fecha}|${want.banco_destino}`);
  });

  it('reads and corrects WhatsApp metadata from the file name', async () => {
    const { stdout } = await cli('extract', '20250711-3--584121234567@c.us_juan_14:30.png');
    const [r] = records(stdout);
    expect(r!.metadata).toMatchObject({
      numerosorteo: 'C', fechasorteo: '20250711', idWhatsapp: '584121234567@lid', nombre: 'Juan', horamin: '14-30',
      validation: { valid: true, errors: [], corrections: { numerosorteo: { from: '3', to: 'C' }, idWhatsapp: { to: '584121234567@lid' }, nombre: { to: 'Juan' }, horamin: { to: '14-30' } } },
    });
  });

  it('keeps working with the default rules when the operator\'s rules file is invalid, and says why', async () => {
    const rules = JSON.parse(await readFile(path.join(appRoot(), 'assets', 'extraction-rules.json'), 'utf8')) as { fields: Record<string, { priority: unknown }> };
    rules.fields.monto!.priority = 'high';
    await mkdir(path.join(tmp.path, 'data'), { recursive: true });
    await writeFile(path.join(tmp.path, 'data', 'extraction-rules.json'), JSON.stringify(rules));
    try {
      const { code, stdout, stderr } = await cli('extract', 'inbox/2.png');
      expect(code).toBe(0);
      expect(stderr).toMatch(/extraction-rules\.json is invalid, using the default extraction rules: rule "monto" at \$\.fields\.monto\.priority/);
      expect(records(stdout)[0]!.fields.monto!.value).toBe(truth[BDV]!.fields.monto);
    } finally {
      await rm(path.join(tmp.path, 'data', 'extraction-rules.json'));
    }
  });

  it('writes csv and json to a file with --out', async () => {
    expect((await cli('extract', '--format', 'csv', '--out', 'out.csv', 'inbox/2.png', 'inbox/sub')).code).toBe(0);
    const rows = parse(await readFile(path.join(tmp.path, 'out.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([['ok', ''], ['error', 'CORRUPT_IMAGE']]);
    // One column per field value.
    for (const [field, value] of Object.entries(truth[BDV]!.fields)) expect(rows[0]![field], field).toBe(value);
    expect(rows[0]!.dedupe_key).toMatch(/^\d+\|[\d.]+ VES\|/);
    expect(rows[1]!.monto).toBe('');
    const json = await cli('extract', '--format', 'json', '--profile', 'fast', 'inbox/10.jpg');
    expect(JSON.parse(json.stdout)).toHaveLength(1);
  });

  it('reads a single image in its own process, to the record a worker gives, failures included', async () => {
    const withoutTimings = ({ timings_ms: _, ...rest }: ImageRecord) => rest;
    const [alone, byWorker] = await Promise.all([cli('extract', 'inbox/2.png'), cli('extract', '--workers', '1', 'inbox/2.png')]);
    expect(alone.code).toBe(0);
    expect(records(alone.stdout).map(withoutTimings)).toEqual(records(byWorker.stdout).map(withoutTimings));
    for (const [file, code] of [['inbox/sub/1-broken.png', 'CORRUPT_IMAGE'], ['missing.png', 'NOT_FOUND'], ['inbox/notes.txt', 'UNSUPPORTED_FORMAT']] as const) {
      const r = await cli('extract', file);
      expect(r.code, file).toBe(0);
      expect(records(r.stdout).map((x) => [x.status, x.error?.code]), file).toEqual([['error', code]]);
    }
  });

  it('runs as an executable, with the allocator settings its workers get and no certificates to load', async () => {
    const bin = path.join(appRoot(), 'bin', 'receipt-ocr.js');
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS GLIBC_TUNABLES=${GLIBC_TUNABLES} node`);
    if (process.platform === 'win32') return;
    const help = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // Node warns about a certificate file it cannot load: it would, had the variable reached it.
      const child = spawn(bin, ['--help'], { env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(appRoot(), 'no-such-certificates.pem') } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: receipt-ocr extract/);
    expect(help.stderr).not.toMatch(/certs/i);
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

describe('receipt-ocr ingest, status, export and sweep', () => {
  it('takes files into a data folder once, reports and exports them, and sweeps them when they expire', async () => {
    const data = path.join(tmp.path, 'store');
    const a = path.join(FIXTURES, BDV);
    const copy = path.join(tmp.path, 'same-bytes-other-name.png');
    await copyFile(a, copy);
    // The data folder's own rules file is the one read (an invalid one: the defaults, and why).
    await mkdir(data, { recursive: true });
    await writeFile(path.join(data, 'extraction-rules.json'), '{"fields": 1}');
    const first = await cli('ingest', '--data-dir', data, a, copy);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`${path.join(data, 'extraction-rules.json')} is invalid, using the default extraction rules`);
    const status = await cli('status', '--data-dir', data, '--json');
    const report = JSON.parse(status.stdout) as { counts: Record<string, number>; duplicates: number; receipts: { sha256: string; file: string; state: string; fields: Record<string, string> }[] };
    // The same bytes under another name are the same receipt: one reading.
    expect(report.counts).toEqual({ queued: 0, processing: 0, done: 1, failed: 0, cancelled: 0 });
    expect(report.duplicates).toBe(0);
    expect(report.receipts).toEqual([expect.objectContaining({ file: BDV, state: 'done', fields: expect.objectContaining({ referencia: truth[BDV]!.fields.referencia }) })]);
    const csv = await cli('export', '--data-dir', data, '--format', 'csv', '--delimiter', ';', '--out', 'export.csv');
    expect(csv.code).toBe(0);
    const rows = parse((await readFile(path.join(tmp.path, 'export.csv'), 'utf8')).replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.map((r) => [r.file, r.referencia])).toEqual([[BDV, truth[BDV]!.fields.referencia]]);
    const json = JSON.parse((await cli('export', '--data-dir', data, '--format', 'json')).stdout) as { resultados: { extracted_fields: Record<string, string> }[] };
    expect(json.resultados[0]!.extracted_fields.monto).toBe(truth[BDV]!.fields.monto);
    expect((await cli('export', '--data-dir', data, '--format', 'jsonl')).code).toBe(2);
    const sweep = await cli('sweep', '--data-dir', data, '--now', '2099-01-01T00:00:00Z');
    expect(JSON.parse(sweep.stdout)).toMatchObject({ receipts: 1, images: 1 });
    expect((await cli('sweep', '--data-dir', data, '--now', 'tomorrow')).code).toBe(2);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir';
import { JsonLinesLog } from './log';

const tmp = useTempDir();

describe('JSON-lines log', () => {
  it('writes one parseable line per event and rotates by size, keeping the newest files', () => {
    const log = new JsonLinesLog(path.join(tmp.path, 'logs'), 200, 2, () => new Date('2026-11-23T10:00:00Z'));
    for (let i = 0; i < 20; i++) log.write({ event: 'receipt-done', n: i });
    const files = readdirSync(path.join(tmp.path, 'logs')).sort();
    expect(files).toEqual(['recibo.1.log', 'recibo.2.log', 'recibo.log']);
    const lines = readFileSync(path.join(tmp.path, 'logs', 'recibo.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { at: string; event: string; n: number });
    expect(lines.at(-1)).toEqual({ at: '2026-11-23T10:00:00.000Z', event: 'receipt-done', n: 19 });
    for (const f of files) expect(readFileSync(path.join(tmp.path, 'logs', f), 'utf8').length).toBeLessThanOrEqual(200);
  });
});

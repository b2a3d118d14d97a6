/**
 * The app's queue keeps its workers between drops: a drop after the queue went quiet finds the
 * models loaded, until the pool's idle time runs out. Real worker processes, real files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { AppService } from './service';

const tmp = useTempDir();
let service: AppService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

const events = (dataDir: string) =>
  readFileSync(path.join(dataDir, 'logs', 'recibo.log'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { event: string }).event);
const drop = async (s: AppService, name: string) => {
  const result = await s.intake([{ name, bytes: await readFile(path.join(FIXTURES, name)) }]);
  await s.idle();
  return result;
};

describe('the queue between drops', () => {
  it('reads the next drop with the workers already loaded, and loads them again only after the idle time', async () => {
    const dataDir = path.join(tmp.path, 'data');
    service = new AppService({ dataDir, modelsDir: defaultModelsDir(), workers: 1, poolIdleMs: 1_500 });
    await drop(service, 'r001-bdv-light.png');
    await drop(service, 'r002-stacked-light.jpg');
    expect(events(dataDir).filter((e) => e === 'worker-ready')).toHaveLength(1);
    expect(events(dataDir).filter((e) => e === 'receipt-done')).toHaveLength(2);
    // Dropped bytes go straight into the store: no temporary copy is written.
    expect(existsSync(path.join(dataDir, 'incoming'))).toBe(false);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(events(dataDir)).toContain('pool-idle');
    await drop(service, 'r003-beside-light.jpg');
    expect(events(dataDir).filter((e) => e === 'worker-ready')).toHaveLength(2);
  });
});

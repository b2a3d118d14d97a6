import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultModelsDir } from '../paths';
import { FIXTURES } from '../test-support/datasets';
import { useTempDir } from '../test-support/temp-dir';
import { stateCounts } from '../db/receipts';
import { openCore } from './data-folder';
import { processQueue } from './processor';
import { WatchedFolder } from './watch-folder';

const tmp = useTempDir();

describe('watched folder', () => {
  it('takes stable files in, and moves each source only after its result is stored', async () => {
    const core = openCore(path.join(tmp.path, 'data'));
    const inbox = path.join(tmp.path, 'inbox');
    await mkdir(inbox, { recursive: true });
    await copyFile(path.join(FIXTURES, 'r001-bdv-light.png'), path.join(inbox, 'good.png'));
    await writeFile(path.join(inbox, 'broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    await writeFile(path.join(inbox, 'empty.png'), '');
    // The operator's other files: never taken in, never moved.
    await writeFile(path.join(inbox, 'notas.txt'), 'no es un comprobante');
    await writeFile(path.join(inbox, 'pagos.xlsx'), Buffer.from('PK\u0003\u0004 spreadsheet'));
    const watch = new WatchedFolder(core, inbox, 'balanced');

    // First look: nothing is known to be stable yet.
    expect(await watch.scan()).toBe(0);
    expect(await watch.scan()).toBe(2);
    // The empty file could not be stored: it goes to failed/ at once, with its reason.
    expect(await readFile(path.join(inbox, 'failed', 'empty.png.reason.txt'), 'utf8')).toMatch(/^EMPTY_FILE: /);
    // Not read yet: the sources stay where they are.
    expect(await watch.settle()).toEqual({ processed: 0, failed: 0 });
    expect(existsSync(path.join(inbox, 'good.png'))).toBe(true);

    await processQueue(core, { profile: 'balanced', workers: 1, modelsDir: defaultModelsDir(), rulesFile: null });
    expect(await watch.settle()).toEqual({ processed: 1, failed: 1 });
    expect((await readdir(inbox)).sort()).toEqual(['failed', 'notas.txt', 'pagos.xlsx', 'processed']);
    expect(await readdir(path.join(inbox, 'processed'))).toEqual(['good.png']);
    expect(await readFile(path.join(inbox, 'failed', 'broken.png.reason.txt'), 'utf8')).toMatch(/^CORRUPT_IMAGE: /);

    // Another image arriving under a name already read is not moved before it is read.
    await copyFile(path.join(FIXTURES, 'r003-beside-light.jpg'), path.join(inbox, 'broken.png'));
    expect(await watch.settle()).toEqual({ processed: 0, failed: 0 });
    expect(existsSync(path.join(inbox, 'broken.png'))).toBe(true);
    await watch.scan();
    expect(await watch.scan()).toBe(1);
    await processQueue(core, { profile: 'balanced', workers: 1, modelsDir: defaultModelsDir(), rulesFile: null });
    expect(await watch.settle()).toEqual({ processed: 1, failed: 0 });

    // The same image arriving again is known by its hash: moved, not read again.
    await copyFile(path.join(FIXTURES, 'r001-bdv-light.png'), path.join(inbox, 'good.png'));
    await watch.scan();
    expect(await watch.scan()).toBe(1);
    expect(stateCounts(core.db).queued).toBe(0);
    expect(await watch.settle()).toEqual({ processed: 1, failed: 0 });
    expect((await readdir(path.join(inbox, 'processed'))).sort()).toEqual(['broken.png', 'good (2).png', 'good.png']);
    expect(await readFile(path.join(inbox, 'notas.txt'), 'utf8')).toBe('no es un comprobante');
    core.db.close();
  });
});

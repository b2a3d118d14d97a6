/** The files a window may load: the renderer's own, and stored receipt images by sha256 only. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir';
import { rendererFile } from './files';

const tmp = useTempDir();

describe('rendererFile', () => {
  it('serves files inside the renderer folder with their type, index.html for /', async () => {
    const dir = path.join(tmp.path, 'renderer');
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    await writeFile(path.join(dir, 'assets', 'app.js'), '');
    await writeFile(path.join(tmp.path, 'secret.txt'), 'no');
    expect(await rendererFile(dir, '/')).toEqual({ file: path.join(dir, 'index.html'), type: 'text/html; charset=utf-8' });
    expect((await rendererFile(dir, '/assets/app.js'))?.type).toBe('text/javascript; charset=utf-8');
    for (const p of ['/../secret.txt', '/..%2Fsecret.txt', '/assets/../../secret.txt', '/%E0%A4%A', '/assets', '/missing.js', `/${tmp.path}/secret.txt`]) {
      expect(await rendererFile(dir, p), p).toBeNull();
    }
  });
});

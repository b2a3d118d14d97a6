import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from './inputs';
import { useTempDir } from '../test-support/temp-dir';

describe('expandInputs', () => {
  const tmp = useTempDir('recibo-inputs-');
  let n = 0;
  const fresh = async () => {
    const dir = path.join(tmp.path, String(n++));
    await mkdir(dir);
    return dir;
  };

  it('expands folders to their images in natural order, links to images included, linked folders not followed', async () => {
    const dir = await fresh();
    const picked = path.join(dir, 'picked');
    await mkdir(path.join(dir, 'all', 'sub'), { recursive: true });
    await mkdir(picked);
    for (const name of ['2.png', '10.jpg', 'notes.txt', 'sub/1.webp']) await writeFile(path.join(dir, 'all', name), 'x');
    await symlink(path.join(dir, 'all', '10.jpg'), path.join(picked, 'b.jpg'));
    await symlink(path.join(dir, 'all', '2.png'), path.join(picked, 'a.png'));
    await symlink(path.join(dir, 'all', 'gone.png'), path.join(picked, 'dangling.png'));
    await symlink(path.join(dir, 'all'), path.join(picked, 'folder.png'));
    await symlink(picked, path.join(picked, 'loop'));
    expect(await expandInputs([path.join(dir, 'all')])).toEqual({ files: ['2.png', '10.jpg', 'sub/1.webp'].map((f) => path.join(dir, 'all', f)), skipped: [path.join(dir, 'all', 'notes.txt')] });
    expect((await expandInputs([picked])).files).toEqual(['a.png', 'b.jpg'].map((f) => path.join(picked, f)));
  });

  it('keeps a path that does not exist, so its record can say so', async () => {
    const missing = path.join(await fresh(), 'missing.png');
    expect(await expandInputs([missing])).toEqual({ files: [missing], skipped: [] });
  });
});

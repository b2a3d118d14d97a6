import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulesFile } from '../paths';
import { useTempDir } from '../test-support/temp-dir';
import { loadRules } from './rules-file';

const tmp = useTempDir();
const shipped = async () => JSON.parse(await readFile(defaultRulesFile(), 'utf8')) as { revision: string; fields: Record<string, { labels: string[] }> };

describe('the rules in force', () => {
  it('are the defaults when there is no user file', async () => {
    const r = await loadRules(path.join(tmp.path, 'absent.json'));
    expect(r).toMatchObject({ file: defaultRulesFile(), problems: [] });
    expect(r.rules.revision).toBe((await shipped()).revision);
  });

  it("are the operator's copy when it is valid", async () => {
    const own = await shipped();
    own.revision = 'shop-2026-11';
    own.fields.referencia!.labels.push('Nro. de control');
    const file = path.join(tmp.path, 'valid.json');
    await writeFile(file, JSON.stringify(own));
    const r = await loadRules(file);
    expect(r).toMatchObject({ file, problems: [] });
    expect(r.rules.revision).toBe('shop-2026-11');
    expect(r.rules.fields.referencia.labels).toContain('Nro. de control');
  });

  it('fall back to the defaults, with the problems, when the copy is invalid or unreadable', async () => {
    const file = path.join(tmp.path, 'invalid.json');
    await writeFile(file, '{"version": 1, "revision": ""}');
    const invalid = await loadRules(file);
    expect(invalid.file).toBe(defaultRulesFile());
    expect(invalid.problems).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'revision', path: '$.revision' }), expect.objectContaining({ rule: 'fields', path: '$.fields' })]));
    const folder = path.join(tmp.path, 'a-folder.json');
    await mkdir(folder);
    const unreadable = await loadRules(folder);
    expect(unreadable).toMatchObject({ file: defaultRulesFile(), problems: [{ rule: '(file)', path: '$', message: expect.stringMatching(/^cannot read/) }] });
  });
});

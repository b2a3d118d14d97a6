import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT, problems } from './commit-msg.mjs';

describe('commit-message rule', () => {
  it('accepts a short subject, a blank line and a body, and the subjects git writes itself', () => {
    expect(problems('Move export queries into db/export-rows.ts\n\nFigures: none changed.\n')).toEqual([]);
    expect(problems('# template comment\nFix the sweep count\n')).toEqual([]);
    expect(problems(`Merge branch 'x' of ${'y'.repeat(80)}\n`)).toEqual([]);
  });

  it('refuses a long subject, a full stop, a body without a blank line and an empty message', () => {
    expect(problems(`${'a'.repeat(MAX_SUBJECT + 1)}\n`)).toEqual([expect.stringMatching(/73 characters/)]);
    expect(problems(`${'á'.repeat(MAX_SUBJECT)}\n`)).toEqual([]);
    expect(problems('Fix the sweep.\n')).toEqual([expect.stringMatching(/full stop/)]);
    expect(problems('Fix the sweep\nbody right under\n')).toEqual([expect.stringMatching(/blank line/)]);
    expect(problems('\n# only comments\n')).toEqual([expect.stringMatching(/empty/)]);
  });

  it('stops a commit in a checkout whose hooks path is .githooks', () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'recibo-hook-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8', stdio: 'pipe' });
    git('init', '-q');
    git('config', 'core.hooksPath', path.resolve('.githooks'));
    writeFileSync(path.join(repo, 'f'), 'x');
    git('add', 'f');
    expect(() => git('commit', '-q', '-m', 'x'.repeat(80))).toThrow(/subject is 80 characters/);
    git('commit', '-q', '-m', 'Add f');
    expect(git('log', '--format=%s')).toBe('Add f\n');
  });
});

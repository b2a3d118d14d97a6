/** The documentation holds together: links lead somewhere inside the repository, and the benchmarks page stays a reference. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'training/README.md'];

/** Relative link targets of a markdown page, without their #anchor. */
function links(page: string): string[] {
  const text = readFileSync(path.join(root, page), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|mailto:|#)/.test(t)).map((t) => t.split('#')[0]!);
}

describe('documentation links', () => {
  it.each(pages)('%s links only to files inside the repository', (page) => {
    const broken = links(page).filter((target) => {
      const resolved = path.resolve(root, path.dirname(page), target);
      return !resolved.startsWith(root + path.sep) || !existsSync(resolved);
    });
    expect(broken).toEqual([]);
  });
});

describe('the benchmarks page', () => {
  // Current figures and how to reproduce them; the history of runs belongs in training/EXPERIMENTS.md.
  it('stays under 250 lines', () => {
    expect(readFileSync(path.join(root, 'docs', 'benchmarks.md'), 'utf8').trimEnd().split('\n').length).toBeLessThan(250);
  });
});

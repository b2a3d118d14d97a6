// Part of `npm install` (prepare): in a git checkout, git runs the hooks in .githooks/ (the
// commit-message check). An installed or packaged copy has no .git and is left alone; so is a
// checkout whose hooks path someone already set.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

if (existsSync(path.join(root, '.git'))) {
  try {
    let current = '';
    try {
      current = git('config', '--local', 'core.hooksPath');
    } catch {
      // Not set: exit status 1.
    }
    if (current === '') git('config', '--local', 'core.hooksPath', '.githooks');
  } catch {
    // No git on this machine: nothing to install.
  }
}

// Electron's binary for `npm start`. The `electron` package downloads it from GitHub the first
// time it is required; offline, that ends in two stack traces and advice to delete
// node_modules/electron. Here the download runs in a child process whose output is kept, and a
// failure becomes one paragraph: what happened, how to retry, and how to use Recibo now.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The last line of a failure that says what went wrong ("TypeError: fetch failed"), not a stack frame. */
export function whatFailed(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !/^\^+$/.test(l) && !/^Node\.js v/.test(l) && !/^(file:|\/).*:\d+$/.test(l));
  const cause = lines.find((l) => /fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|certificate|\b4\d\d\b|\b5\d\d\b/i.test(l));
  return cause ?? lines.at(-1) ?? 'no reason given';
}

export function offlineParagraph(reason) {
  return [
    'Recibo could not start its desktop window: Electron\'s program, which npm start downloads from GitHub the first time, could not be downloaded',
    `(${reason}).`,
    'To retry: connect to the internet and run "npm start" again.',
    'Meanwhile the same app runs in your browser, with nothing to download: npm run dev:web',
  ].join('\n');
}

/** `{ ok: true, path }`, or `{ ok: false, message }` with the paragraph to print. */
export function electronBinary({ env = process.env } = {}) {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, env, encoding: 'utf8', timeout: 10 * 60_000 });
  if (probe.status === 0 && probe.stdout) return { ok: true, path: probe.stdout };
  return { ok: false, message: offlineParagraph(whatFailed(`${probe.stderr ?? ''}\n${probe.error?.message ?? ''}`)) };
}

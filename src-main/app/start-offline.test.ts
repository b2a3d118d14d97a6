/**
 * `npm start` without the network (issue 41): Electron's binary cannot be downloaded, and the
 * operator reads one paragraph (what happened, how to retry, `npm run dev:web` now) instead of
 * two stack traces and advice to delete node_modules/electron.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, whatFailed } from '../../scripts/electron-binary.mjs';
import { appRoot } from '../paths';

const installed = existsSync(path.join(appRoot(), 'node_modules', 'electron', 'dist'));
if (installed) console.log('[skipped] the offline start test: Electron’s binary is installed here, so nothing is downloaded');

describe('npm start offline', () => {
  it.skipIf(installed)('says in one paragraph that Electron could not be downloaded, how to retry, and to use dev:web', () => {
    // A mirror where nothing listens: the download fails here as it does without a network.
    const result = electronBinary({ env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^Recibo could not start its desktop window: Electron's program/);
    expect(result.message).toMatch(/\(.*(fetch failed|ECONNREFUSED).*\)\./);
    expect(result.message).toContain('npm run dev:web');
    expect(result.message).not.toMatch(/^\s+at |node_modules\/electron/m);
  });

  it('finds the reason in the download’s output, not a stack frame', () => {
    const output = 'Downloading Electron binary...\nTypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n/work/node_modules/electron/index.js:43\n      throw new Error(\n            ^\n\nError: Electron failed to install correctly. Please delete `node_modules/electron`\n    at getElectronPath (/x.js:43:13)\n\nNode.js v20.20.2';
    expect(whatFailed(output)).toBe('TypeError: fetch failed');
  });
});

describe('the Node.js version', () => {
  it('refuses one older than the stated minimum in one sentence, and says when Electron wants a newer one', async () => {
    const { olderThanElectronWants, tooOld } = await import('../../scripts/node-version.mjs');
    expect(tooOld('v20.18.3')).toBe('Recibo needs Node.js 20.19.0 or newer; this is v20.18.3. Install a newer Node.js (https://nodejs.org) and run the command again.');
    expect(tooOld('v20.19.0')).toBeNull();
    expect(tooOld('v24.1.0')).toBeNull();
    expect(olderThanElectronWants('v20.20.2')).toMatch(/^Note: Electron 45 and its tools are made for Node\.js 22\.12\.0 or newer; this is v20\.20\.2\./);
    expect(olderThanElectronWants('v22.12.0')).toBeNull();
  });
});

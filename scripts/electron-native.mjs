#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into build/electron-native/, beside (not instead of)
// the Node build in node_modules that `npm test` and the CLI use. The Electron shell loads it
// through better-sqlite3's `nativeBinding` option; packaging ships it as resources/native/.
// @electron/rebuild takes a prebuilt binary for this Electron when one is published, and
// compiles against Electron's headers otherwise (both need the internet, once).
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, 'build', 'electron-native');
export const ELECTRON_SQLITE_BINDING = path.join(out, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

export async function buildElectronNative({ force = false } = {}) {
  const electronVersion = JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const stamp = path.join(out, 'built-for.txt');
  if (!force && existsSync(ELECTRON_SQLITE_BINDING) && existsSync(stamp) && (await readFile(stamp, 'utf8')) === electronVersion) return;
  await mkdir(path.join(out, 'node_modules'), { recursive: true });
  await writeFile(path.join(out, 'package.json'), JSON.stringify({ name: 'recibo-electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  // The package and what its loader needs; its Node build is left behind.
  await cp(source, path.join(out, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (f) => !f.includes(`${path.sep}build${path.sep}`) });
  for (const dep of ['bindings', 'file-uri-to-path']) {
    await cp(path.dirname(require.resolve(`${dep}/package.json`, { paths: [source] })), path.join(out, 'node_modules', dep), { recursive: true });
  }
  const { rebuild } = await import('@electron/rebuild');
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
  await rebuild({ buildPath: out, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  await writeFile(stamp, electronVersion);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectronNative({ force: process.argv.includes('--force') });
}

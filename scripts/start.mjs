#!/usr/bin/env node
// `npm start`: build, make sure the Electron-side native library exists, then open the window.
// Electron's binary downloads on first use (from Electron 45 on); nothing in node_modules that
// `npm test` uses is changed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode, buildRenderer } from './build.mjs';
import { electronBinary } from './electron-binary.mjs';
import { olderThanElectronWants, tooOld } from './node-version.mjs';
import { buildElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const old = tooOld();
if (old) {
  console.error(old);
  process.exit(1);
}
// Electron's binary first (downloaded the first time): offline, one paragraph and no build.
const electron = electronBinary();
if (!electron.ok) {
  console.error(electron.message);
  process.exit(1);
}
await buildNode();
await buildRenderer();
try {
  await buildElectronNative();
} catch (e) {
  console.error(`Recibo could not build its database library for Electron (${e.message.split('\n')[0]}): that needs the internet once.\nTo retry: connect and run "npm start" again. Meanwhile: npm run dev:web`);
  process.exit(1);
}
const note = olderThanElectronWants();
if (note) console.error(note);
const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

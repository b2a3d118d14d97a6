#!/usr/bin/env node
// `npm start`: build, make sure the Electron-side native library exists, then open the window.
// Electron's binary downloads on first use (from Electron 45 on); nothing in node_modules that
// `npm test` uses is changed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode, buildRenderer } from './build.mjs';
import { buildElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildNode();
await buildRenderer();
await buildElectronNative();
// Resolving 'electron' gives its binary's path, downloading it the first time.
const electronBinary = createRequire(import.meta.url)('electron');
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

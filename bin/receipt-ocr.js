#!/usr/bin/env node
// `npx receipt-ocr`: runs the bundled CLI, (re)building it first when the sources are newer
// (the bundle is made by `npm install`; this keeps a checkout's CLI in step with its code).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'main', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['src-main', 'src-shared'].map((d) => path.join(root, d)).filter(existsSync);
const stale = !existsSync(bundle) || sources.some((d) => newestSource(d) > statSync(bundle).mtimeMs);
if (stale) {
  const builder = path.join(root, 'scripts', 'build.mjs');
  if (existsSync(builder) && existsSync(path.join(root, 'node_modules', 'esbuild'))) {
    const { buildNode } = await import(pathToFileURL(builder).href);
    await buildNode();
  } else if (!existsSync(bundle)) {
    console.error('receipt-ocr: the CLI is not built and esbuild is not installed; run "npm install" in the Recibo folder');
    process.exit(1);
  }
}
await import(pathToFileURL(bundle).href);

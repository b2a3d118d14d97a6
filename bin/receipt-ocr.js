#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=16777216:glibc.malloc.trim_threshold=67108864 node
// `receipt-ocr`: runs the bundled CLI. The line above gives this process the allocator settings
// the OCR workers get (src-main/ocr/parent/worker-process.ts says why: on a virtual machine they make a
// one-screenshot read about a quarter faster), and leaves out NODE_EXTRA_CA_CERTS, which would
// have Node parse a certificate file at start (40 to 60 ms) for a program that never opens a
// connection; `node bin/receipt-ocr.js` works without either.
// In a development checkout (a .git folder beside the sources) the bundle is rebuilt first when a
// source is newer, so a checkout's CLI keeps in step with its code; an installed or packaged
// copy never looks at sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tooOld } from '../scripts/node-version.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'main', 'cli.js');

// The stated minimum Node, in one sentence rather than a syntax error from deep inside.
const old = tooOld();
if (old) {
  console.error(`receipt-ocr: ${old}`);
  process.exit(1);
}

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const checkout = existsSync(path.join(root, '.git'));
if (checkout || !existsSync(bundle)) {
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
}
await import(pathToFileURL(bundle).href);

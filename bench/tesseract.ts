/**
 * Tesseract as the baseline, run the way its best batch users run it: OpenMP held to one thread
 * per process (`OMP_THREAD_LIMIT=1`; its default threads spin and cost it several times its own
 * time on a small machine), one process per core, each reading a list of files.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

export function tesseractVersion(): string | null {
  try {
    return execFileSync('tesseract', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]!.trim();
  } catch {
    return null;
  }
}

export function tesseractLanguages(): string[] {
  try {
    return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
  } catch {
    return [];
  }
}

/** One tesseract process over `input` (an image, or a text file listing images), its text. */
function runTesseract(input: string, lang: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', [input, 'stdout', '-l', lang], { stdio: ['ignore', 'pipe', 'ignore'], env: ENV });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`tesseract exited with ${code} on ${input}`))));
  });
}

/** One image, one process: what a script reading one screenshot pays. */
export const tesseractOne = (file: string, lang: string) => runTesseract(file, lang);

/**
 * All `files` split into `processes` contiguous lists read at once; the texts come back in the
 * files' order (tesseract ends each page's text with a form feed).
 */
export async function tesseractBatch(files: readonly string[], lang: string, processes: number): Promise<{ wallMs: number; texts: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'recibo-tess-'));
  try {
    const per = Math.ceil(files.length / Math.max(1, processes));
    const chunks = Array.from({ length: Math.ceil(files.length / per) }, (_, i) => files.slice(i * per, (i + 1) * per));
    const lists = await Promise.all(
      chunks.map(async (chunk, i) => {
        const list = path.join(dir, `list-${i}.txt`);
        await writeFile(list, `${chunk.join('\n')}\n`);
        return list;
      }),
    );
    const started = performance.now();
    const outputs = await Promise.all(lists.map((list) => runTesseract(list, lang)));
    const wallMs = performance.now() - started;
    const texts = outputs.flatMap((out, i) => {
      const pages = out.split('\f');
      return chunks[i]!.map((_, k) => pages[k] ?? '');
    });
    return { wallMs, texts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

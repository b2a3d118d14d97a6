/** Tesseract as the baseline, run the way a script would: one process per image. */
import { execFileSync, spawn } from 'node:child_process';

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

export function tesseractText(file: string, lang: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', [file, 'stdout', '-l', lang], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`tesseract exited with ${code} on ${file}`))));
  });
}

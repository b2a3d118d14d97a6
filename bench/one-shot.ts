/**
 * One screenshot from the shell, cold: the whole `receipt-ocr extract FILE` process against the
 * whole `tesseract FILE stdout` process (OpenMP held to one thread), taken in turn so the two
 * meet the same machine, median of several, and the median of the run-by-run ratios. What a script
 * that reads one receipt pays.
 */
import type { ProfileName } from '../src-shared/ocr/profiles';
import { percentile } from './metrics';
import { runExtract } from './run-cli';
import { tesseractOne } from './tesseract';

export interface OneShot {
  file: string;
  runs: number;
  reciboMs: number[];
  tesseractMs: number[] | null;
  reciboMedianMs: number;
  tesseractMedianMs: number | null;
  /** Recibo's time over Tesseract's, run by run: the median of those ratios. */
  ratioMedian: number | null;
}

export async function oneShot(file: string, profile: ProfileName, runs: number, tesseractLang: string | null): Promise<OneShot> {
  const recibo: number[] = [];
  const tess: number[] = [];
  // A first run of each is not counted: it pages the files and libraries in.
  for (let i = 0; i <= runs; i++) {
    const ours = (await runExtract([file], profile)).wallMs;
    let theirs = 0;
    if (tesseractLang) {
      const t0 = performance.now();
      await tesseractOne(file, tesseractLang);
      theirs = performance.now() - t0;
    }
    if (i === 0) continue;
    recibo.push(ours);
    if (tesseractLang) tess.push(theirs);
  }
  return {
    file,
    runs,
    reciboMs: recibo,
    tesseractMs: tesseractLang ? tess : null,
    reciboMedianMs: percentile(recibo, 50),
    tesseractMedianMs: tesseractLang ? percentile(tess, 50) : null,
    ratioMedian: tesseractLang ? percentile(recibo.map((r, i) => r / tess[i]!), 50) : null,
  };
}

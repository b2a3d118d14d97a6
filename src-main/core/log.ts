/**
 * Structured log: one JSON object per line in `<data>/logs/recibo.log`, rotated by size
 * (recibo.log → recibo.1.log → … → recibo.<keep>.log, the oldest dropped). Writes are
 * synchronous appends: a line is on disk before the next receipt starts, even if the process
 * is killed right after.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogEvent = { event: string } & Record<string, unknown>;

export interface Logger {
  write(entry: LogEvent): void;
}

export class JsonLinesLog implements Logger {
  private readonly file: string;

  constructor(
    readonly dir: string,
    private readonly maxBytes = 5 * 1024 * 1024,
    private readonly keep = 3,
    private readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = path.join(dir, 'recibo.log');
  }

  write(entry: LogEvent): void {
    const line = `${JSON.stringify({ at: this.now().toISOString(), ...entry })}\n`;
    if (existsSync(this.file) && statSync(this.file).size + line.length > this.maxBytes) this.rotate();
    appendFileSync(this.file, line, { mode: 0o600 });
  }

  private rotate(): void {
    const numbered = (i: number) => path.join(this.dir, `recibo.${i}.log`);
    rmSync(numbered(this.keep), { force: true });
    for (let i = this.keep - 1; i >= 1; i--) if (existsSync(numbered(i))) renameSync(numbered(i), numbered(i + 1));
    renameSync(this.file, numbered(1));
  }
}

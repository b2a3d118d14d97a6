/**
 * Playwright fixtures: `host` (a browser host on a fresh data folder) and `app` (the window open
 * on it, with helpers to drop files the way the operating system does). Any Content-Security-Policy
 * violation or page error fails the test.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { startHost, type Host } from './host';

export interface DroppedFile {
  name: string;
  bytes: Buffer;
}

export const fromDisk = async (file: string, name = path.basename(file)): Promise<DroppedFile> => ({ name, bytes: await readFile(file) });

/**
 * `count` receipts none of which Recibo has seen: the files in turn, each with its name appended
 * after the image's end (decoders stop before it), so each has a hash of its own and is read, not
 * recognised. `name` gives the i-th its file name, from its source's.
 */
export const unseenCopies = async (files: readonly string[], count: number, name: (i: number, source: string) => string): Promise<DroppedFile[]> => {
  const sources = await Promise.all(files.map((f) => readFile(f)));
  return Array.from({ length: count }, (_, i) => {
    const named = name(i, path.basename(files[i % files.length]!));
    return { name: named, bytes: Buffer.concat([sources[i % sources.length]!, Buffer.from(named)]) };
  });
};

export class AppWindow {
  constructor(readonly page: Page) {}

  /** Drops files on the window as a file manager would (a DragEvent carrying Files). */
  async drop(files: readonly DroppedFile[]): Promise<void> {
    await (await this.prepareDrop(files))();
  }

  /**
   * The files put in the page first (the test's own work, in the page's thread), and the drop
   * itself as a function: a benchmark measures only what the window does with the drop.
   */
  async prepareDrop(files: readonly DroppedFile[]): Promise<() => Promise<void>> {
    const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((items) => {
      const dt = new DataTransfer();
      for (const f of items) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, payload);
    return async () => {
      await this.page.dispatchEvent('.app', 'dragenter', { dataTransfer });
      await this.page.dispatchEvent('.app', 'dragover', { dataTransfer });
      await this.page.dispatchEvent('.app', 'drop', { dataTransfer });
    };
  }

  row(name: string) {
    return this.page.locator('[data-testid=receipt-row], [data-testid=refused-file]').filter({ hasText: name });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Exports as CSV through the dialog (comma-separated) and returns its rows. */
  async exportCsv(scope: 'Lo que muestra la lista' | 'Todo' = 'Todo'): Promise<Record<string, string>[]> {
    await this.page.getByRole('button', { name: 'Exportar…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Exportar' });
    await dialog.getByLabel('CSV (hoja de cálculo)').check();
    await dialog.getByLabel('Coma', { exact: true }).check();
    await dialog.getByLabel(scope, { exact: false }).check();
    const [download] = await Promise.all([this.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exportar', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^recibo-.*\.csv$/);
    await expect(dialog).toBeHidden();
    return parse((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  }
}

export const test = base.extend<{ hostArgs: string[]; host: Host; app: AppWindow }>({
  /** Extra command-line options of the browser host (`test.use({ hostArgs: [...] })`). */
  hostArgs: [[], { option: true }],
  host: async ({ hostArgs }, use, testInfo) => {
    const host = await startHost(hostArgs);
    await use(host);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host output', { body: host.output.join('\n'), contentType: 'text/plain' });
    await host.stop();
  },
  app: async ({ page, host }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // Nothing the window loads is missing (a favicon.ico 404 on every load was one).
    page.on('response', (r) => {
      if (r.status() === 404 && !/\/receipt\//.test(r.url())) problems.push(`404: ${new URL(r.url()).pathname}`);
    });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Recibo' })).toBeVisible();
    await use(new AppWindow(page));
    expect(problems, 'no CSP violation, page error or missing file').toEqual([]);
  },
});

export { expect };

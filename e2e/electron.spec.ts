/**
 * The same flow in the real Electron shell: window, preload, IPC handler, protocols, the OCR
 * worker as a utility process. Runs where Electron's binary is installed (`npm start` downloads
 * it on first use, and builds the database library for Electron); here it reports why it is skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { FIXTURES, ROOT } from './host';

/** Electron's binary, without triggering its download (requiring 'electron' would). */
function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const sqliteForElectron = path.join(ROOT, 'build', 'electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const skipReason = !binary
  ? 'Electron’s binary is not installed (node_modules/electron/dist): it downloads on first `npm start`, which these machines cannot do'
  : !existsSync(sqliteForElectron)
    ? 'better-sqlite3 has not been built for Electron yet (`npm start` or `npm run electron:native` builds it)'
    : null;
if (skipReason) console.log(`[skipped] Electron end-to-end spec: ${skipReason}`);

test('in Electron: drop → read → boxes → fields → correct → kept after a reload', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'recibo-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [ROOT], env: { ...process.env, RECIBO_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Recibo' })).toBeVisible();
    // The window is locked down: no Node in the page, only the bridge's three functions.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(['intakeDropped', 'invoke', 'on']);
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'r001-bdv-light.png'));
    const row = page.getByTestId('receipt-row').filter({ hasText: 'r001-bdv-light.png' });
    await expect(row).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await row.click();
    expect(await page.getByTestId('word-box').count()).toBeGreaterThan(10);
    await expect(page.getByLabel('Referencia', { exact: true })).toHaveValue('406884463');
    await page.getByLabel('Monto', { exact: true }).fill('5.524,41');
    await page.getByLabel('Monto', { exact: true }).press('Enter');
    await expect(page.getByLabel('Monto', { exact: true })).toHaveValue('5524.41');
    await page.reload();
    await page.getByTestId('receipt-row').filter({ hasText: 'r001-bdv-light.png' }).click();
    await expect(page.getByLabel('Monto', { exact: true })).toHaveValue('5524.41');
    // The image came through receipt://, nothing else is reachable that way.
    expect(await page.getByAltText('Captura r001-bdv-light.png').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

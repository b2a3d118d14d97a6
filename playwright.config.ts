// End-to-end: the real renderer in Debian's Chromium against the real core (browser host), one
// test at a time (each starts its own host and OCR worker on 2 cores), a fresh data folder each.
import { defineConfig } from '@playwright/test';

const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      // Playwright's own browsers cannot be downloaded here: Debian's Chromium is used.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium's sandbox refuses to run as root (CI containers); elsewhere it stays on.
      args: runningAsRoot ? ['--no-sandbox'] : [],
    },
  },
});

// The window's benchmarks (npm run bench:window): the e2e set-up, for the *.bench.ts specs only.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testMatch: /.*\.bench\.ts$/, timeout: 30 * 60_000 });

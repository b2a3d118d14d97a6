import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'src-shared/**/*.test.ts', 'bench/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}'],
    // Worker and CLI tests run the bundled entry points, as users do.
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests run real models on 2 cores: one file at a time keeps timings honest.
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/renderer/**/*.test.{ts,tsx}'],
    // node by default; a renderer test names happy-dom in its `@vitest-environment` docblock
    environment: 'node',
    // bounds, not expectations: with both cores busy with other work a test is slower, never red
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

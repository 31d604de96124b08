import { defineConfig } from 'vitest/config';

// One run over every workspace project, so CI pays Vitest's start-up once. The JSON report
// feeds the "N passed, N failed" line that CI prints.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
  },
});

import { defineConfig } from 'vitest/config';

// One run over every workspace project, so CI pays Vitest's start-up once.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});

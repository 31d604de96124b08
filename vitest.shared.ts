import { defineProject } from 'vitest/config';

/**
 * Shared Vitest project settings: tests import workspace packages from their
 * TypeScript sources (the `source` export condition), so no build is needed first.
 */
export function llmsrProject(name: string, options: { testTimeout?: number } = {}) {
  return defineProject({
    resolve: { conditions: ['source', 'module', 'node', 'default'] },
    ssr: { resolve: { conditions: ['source', 'module', 'node', 'default'] } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: options.testTimeout ?? 20_000,
      hookTimeout: 60_000,
    },
  });
}

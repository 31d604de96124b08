import { fileURLToPath } from 'node:url';
import { llmsrProject } from '../../vitest.shared.ts';

const project = llmsrProject('storage');
// Vitest hands these conditions to its worker processes as `node --conditions`, where `import`
// makes CommonJS `require` pick ESM entry points (pg's require('pg-pool') then breaks). So this
// package sets no custom conditions and points its one workspace dependency, `@llmsr/spec`, at
// its TypeScript source by an alias instead (Vite applies it only to the modules it transforms).
delete project.resolve;
delete project.ssr;
project.resolve = {
  alias: [
    {
      find: /^@llmsr\/spec$/,
      replacement: fileURLToPath(new URL('../spec/src/index.ts', import.meta.url)),
    },
  ],
};

export default project;

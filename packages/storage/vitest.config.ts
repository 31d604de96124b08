import { llmsrProject } from '../../vitest.shared.ts';

const project = llmsrProject('storage');
// Vitest hands these conditions to its worker processes as `node --conditions`, where `import`
// makes CommonJS `require` pick ESM entry points (pg's require('pg-pool') then breaks). This
// package has no workspace dependencies, so it needs no custom conditions at all.
delete project.resolve;
delete project.ssr;

export default project;

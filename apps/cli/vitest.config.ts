import { llmsrProject } from '../../vitest.shared.ts';

export default llmsrProject('cli', { testTimeout: 30_000 });

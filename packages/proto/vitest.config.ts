import { llmsrProject } from '../../vitest.shared.ts';

export default llmsrProject('proto', { testTimeout: 60_000 });

import { llmsrProject } from '../../vitest.shared.ts';

export default llmsrProject('orchestration');

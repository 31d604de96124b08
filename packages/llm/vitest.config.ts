import { llmsrProject } from '../../vitest.shared.ts';

export default llmsrProject('llm');

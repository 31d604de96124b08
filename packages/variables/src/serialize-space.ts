import { asSpace } from './parse-space.js';
import type { VariableSpace } from './space.js';
import type { JsonObject } from './variable.js';

/**
 * Returns a space as plain JSON (no prototypes, no `undefined`), ready to store; `parseSpace`
 * of the result gives back an equal space.
 *
 * @example
 * const stored = JSON.stringify(serializeSpace(space));
 * const again = parseSpace(JSON.parse(stored)); // deep-equals space
 */
export function serializeSpace(space: VariableSpace): JsonObject {
  return JSON.parse(JSON.stringify(asSpace(space))) as JsonObject;
}

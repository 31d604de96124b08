import { toJsonPointer } from './json-pointer.js';

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string | number;
}

/** Why a JSON value is too big to hand to ajv. */
export type JsonShapeProblem =
  | { kind: 'depth'; pointer: string }
  | { kind: 'size'; containers: number };

/**
 * Finds the first place where a JSON value nests containers deeper than `maxDepth` (as a
 * JSON pointer), or whether it holds more than `maxContainers` objects and arrays.
 * Iterative, so the check itself cannot overflow the stack however deep the value is.
 */
export function checkJsonShape(
  value: unknown,
  limits: { maxDepth: number; maxContainers: number },
): JsonShapeProblem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: '' }];
  let containers = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth >= limits.maxDepth)
      return { kind: 'depth', pointer: toJsonPointer(pathOf(frame)) };
    if (++containers > limits.maxContainers) return { kind: 'size', containers };
    const container = frame.value as Record<string, unknown>;
    const keys: (string | number)[] = Array.isArray(container)
      ? container.map((_, index) => index)
      : Object.keys(container);
    for (const key of keys) {
      const child = container[key as string];
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return undefined;
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let current: Frame | undefined = frame; current?.parent; current = current.parent) {
    path.push(current.key);
  }
  return path.reverse();
}

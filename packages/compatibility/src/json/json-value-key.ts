type Step = { text: string } | { value: unknown };

/**
 * A string that is equal for equal JSON values (object keys sorted), so enum and const values
 * can be compared through a `Set` in linear time.
 */
export function jsonValueKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Iterative, so hostile nesting cannot overflow the stack; bounded, so it cannot hang.
  const out: string[] = [];
  const stack: Step[] = [{ value }];
  let budget = 1_000_000;
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if (budget-- <= 0) {
      out.push('…');
      break;
    }
    if ('text' in step) {
      out.push(step.text);
      continue;
    }
    const item = step.value;
    if (Array.isArray(item)) {
      stack.push({ text: ']' });
      for (let index = item.length - 1; index >= 0; index--) {
        stack.push({ value: item[index] });
        if (index > 0) stack.push({ text: ',' });
      }
      out.push('[');
    } else if (item !== null && typeof item === 'object') {
      const keys = Object.keys(item).sort();
      stack.push({ text: '}' });
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string;
        stack.push({ value: (item as Record<string, unknown>)[key] });
        stack.push({ text: `${JSON.stringify(key)}:` });
        if (index > 0) stack.push({ text: ',' });
      }
      out.push('{');
    } else {
      out.push(JSON.stringify(item) ?? 'null');
    }
  }
  return out.join('');
}

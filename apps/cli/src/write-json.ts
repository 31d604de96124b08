import type { CliOutput } from './cli-io.js';

/** Write a value as one line of JSON. */
export function writeJson(out: CliOutput, value: unknown): void {
  out.write(`${JSON.stringify(value)}\n`);
}

/** A schema as text for people: `.proto` text as is, JSON pretty-printed. */
export function schemaText(schema: unknown): string {
  if (typeof schema === 'string') {
    try {
      return JSON.stringify(JSON.parse(schema), null, 2);
    } catch {
      return schema;
    }
  }
  return JSON.stringify(schema, null, 2);
}

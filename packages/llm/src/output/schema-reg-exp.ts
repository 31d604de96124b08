import { compileLinearRegExp } from '@llmsr/validation';

/** What ajv's `code.regExp` option and the streaming checks need from a compiled pattern. */
export interface SchemaRegExp {
  test(input: string): boolean;
}

/**
 * Compiles a schema `pattern` for matching model output: on the registry's linear-time engine
 * (RE2, via `@llmsr/validation`), so a crafted reply cannot make a pattern backtrack
 * exponentially; patterns RE2 cannot express (lookaround, backreferences, over 1,000
 * characters) fall back to the native engine, the only ones that still could.
 *
 * @throws SyntaxError when the pattern is not a valid ECMAScript regular expression.
 */
export function compileSchemaRegExp(source: string, flags = 'u'): SchemaRegExp {
  try {
    return compileLinearRegExp(source, flags);
  } catch {
    return new RegExp(source, flags);
  }
}

/** {@link compileSchemaRegExp} in the shape of ajv's `code.regExp` engine option. */
export const schemaRegExpEngine = Object.assign(
  (source: string, flags: string) => compileSchemaRegExp(source, flags),
  { code: 'compileSchemaRegExp' },
);

import { LIMITS } from './limits.js';
import type { JsonObject, JsonValue } from './variable.js';
import {
  VariableSpaceError,
  type VariableSpaceErrorCode,
  type VariableSpaceIssue,
} from './variable-space-error.js';

/** Collects issues while reading an untrusted JSON definition. */
export interface Reader {
  readonly issues: VariableSpaceIssue[];
  /** Records an issue and returns `undefined`, so callers can `return r.fail(...)`. */
  fail(code: VariableSpaceErrorCode, path: string, message: string, rule?: string): undefined;
  /** Counts metadata, condition nodes, variables and choice values against the space-wide limits. */
  readonly budget: {
    json: number;
    conditions: number;
    variables: number;
    values: number;
    chars: number;
  };
  /** Throws the collected issues, if any. */
  throwIfAny(): void;
}

/** Creates a reader with empty issues and full budgets. */
export function createReader(): Reader {
  const issues: VariableSpaceIssue[] = [];
  return {
    issues,
    budget: { json: 0, conditions: 0, variables: 0, values: 0, chars: 0 },
    fail(code, path, message, rule) {
      issues.push(rule === undefined ? { code, path, message } : { code, path, message, rule });
      if (issues.length >= LIMITS.issues) throw new VariableSpaceError(issues);
      return undefined;
    },
    throwIfAny() {
      if (issues.length > 0) throw new VariableSpaceError(issues);
    },
  };
}

/** Joins a path and a key for messages (`variables[0]`, `metadata.cost`). */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Describes a value's type for messages without echoing (possibly huge) content. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** Reads a plain object, reporting forbidden and unknown keys. */
export function readObject(
  r: Reader,
  value: unknown,
  path: string,
  allowed?: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return wrongType(r, value, path, 'an object');
  }
  const keys = Object.keys(value);
  if (keys.length > LIMITS.objectKeys) {
    return r.fail('too_large', path, `object has more than ${LIMITS.objectKeys} keys`);
  }
  let ok = true;
  for (const key of keys) {
    if (key === '__proto__') {
      r.fail('forbidden_key', at(path, key), `key "${key}" is not allowed`);
      ok = false;
    } else if (allowed && !allowed.has(key)) {
      r.fail('unknown_field', at(path, clip(key)), `unknown field "${clip(key)}"`);
      ok = false;
    }
  }
  return ok ? (value as Record<string, unknown>) : undefined;
}

/** Reads an array of at most `max` items. */
export function readArray(
  r: Reader,
  value: unknown,
  path: string,
  max: number,
): unknown[] | undefined {
  if (!Array.isArray(value)) return wrongType(r, value, path, 'an array');
  if (value.length > max) return r.fail('too_large', path, `array has more than ${max} items`);
  return value;
}

/** Reads a string of at most `max` characters. */
export function readString(
  r: Reader,
  value: unknown,
  path: string,
  max: number,
): string | undefined {
  if (typeof value !== 'string') return wrongType(r, value, path, 'a string');
  if (value.length > max)
    return r.fail('too_large', path, `string is longer than ${max} characters`);
  return value;
}

/** Reads a finite number. */
export function readNumber(r: Reader, value: unknown, path: string): number | undefined {
  if (typeof value !== 'number') return wrongType(r, value, path, 'a number');
  if (!Number.isFinite(value))
    return r.fail('not_finite', path, `expected a finite number, got ${value}`);
  return value;
}

/** Reads a boolean. */
export function readBoolean(r: Reader, value: unknown, path: string): boolean | undefined {
  if (typeof value !== 'boolean') return wrongType(r, value, path, 'a boolean');
  return value;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Reads an identifier-like name (no dots, so dotted paths stay unambiguous). */
export function readName(r: Reader, value: unknown, path: string): string | undefined {
  const name = readString(r, value, path, LIMITS.name);
  if (name === undefined) return undefined;
  if (!NAME.test(name) || name === '__proto__') {
    return r.fail(
      'invalid_name',
      path,
      `"${name}" is not a valid name (letters, digits, _ and -, not starting with a digit or -)`,
    );
  }
  return name;
}

/** Copies free-form JSON (metadata), refusing non-JSON values and hostile shapes. */
export function readJson(
  r: Reader,
  value: unknown,
  path: string,
  depth = 0,
): JsonValue | undefined {
  if (++r.budget.json > LIMITS.jsonNodes) {
    return r.fail('too_large', path, `metadata has more than ${LIMITS.jsonNodes} values in total`);
  }
  if (depth > LIMITS.jsonDepth)
    return r.fail('too_large', path, `metadata is nested deeper than ${LIMITS.jsonDepth}`);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return readNumber(r, value, path);
  if (typeof value === 'string') return readString(r, value, path, LIMITS.stringValue);
  if (Array.isArray(value)) {
    const items = readArray(r, value, path, LIMITS.objectKeys);
    if (!items) return undefined;
    const out: JsonValue[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = readJson(r, items[i], at(path, i), depth + 1);
      if (item === undefined) return undefined;
      out.push(item);
    }
    return out;
  }
  const obj = readObject(r, value, path);
  if (!obj) return undefined;
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) {
    if (key.length > LIMITS.name * 8)
      return r.fail('too_large', at(path, clip(key)), 'key is too long');
    const item = readJson(r, obj[key], at(path, key), depth + 1);
    if (item === undefined) return undefined;
    out[key] = item;
  }
  return out;
}

/** Reads a metadata object (missing means empty). */
export function readMetadata(r: Reader, value: unknown, path: string): JsonObject {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrongType(r, value, path, 'an object');
    return {};
  }
  return (readJson(r, value, path) as JsonObject | undefined) ?? {};
}

/** Shortens a value for a message. */
export function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
}

/** Reports a missing field or a value of the wrong type. */
export function wrongType(r: Reader, value: unknown, path: string, expected: string): undefined {
  if (value === undefined) return r.fail('missing_field', path, `${expected} is required`);
  return r.fail('invalid_type', path, `expected ${expected}, got ${typeName(value)}`);
}

import { isValidAvroFullName, isValidAvroSimpleName } from './avro-names.js';
import { checkAvroDefault } from './check-avro-default.js';
import { checkAvroLogicalType } from './check-avro-logical-type.js';
import type { AvroCheckContext } from './check-avro-schema.js';

/** Checks a nested schema at `path` (the union/type walker of `checkAvroSchema`). */
export type AvroTypeChecker = (
  schema: unknown,
  namespace: string,
  path: string,
  ctx: AvroCheckContext,
) => void;

const ORDERS = new Set(['ascending', 'descending', 'ignore']);

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks that `aliases`, when present, is an array of names. */
export function checkAvroAliases(aliases: unknown, path: string, ctx: AvroCheckContext): void {
  if (aliases === undefined) return;
  if (!Array.isArray(aliases) || !aliases.every(isValidAvroFullName)) {
    ctx.problems.push({
      path,
      message: `"aliases" must be an array of names, got ${JSON.stringify(aliases)}`,
    });
  }
}

/** Checks an enum's symbols (valid, unique) and its default. */
export function checkAvroEnum(
  schema: Record<string, unknown>,
  path: string,
  ctx: AvroCheckContext,
): void {
  const { symbols } = schema;
  if (!Array.isArray(symbols)) {
    ctx.problems.push({ path, message: 'enum is missing its "symbols" array' });
    return;
  }
  const seen = new Set<string>();
  symbols.forEach((symbol, index) => {
    if (!isValidAvroSimpleName(symbol)) {
      ctx.problems.push({
        path: `${path}.symbols[${index}]`,
        message: `invalid enum symbol ${JSON.stringify(symbol)}`,
      });
    } else if (symbol === '__proto__') {
      // avsc indexes symbols by name in a plain object.
      ctx.problems.push({
        path: `${path}.symbols[${index}]`,
        message: 'the enum symbol "__proto__" is not supported',
      });
    } else if (seen.has(symbol)) {
      ctx.problems.push({
        path: `${path}.symbols[${index}]`,
        message: `duplicate enum symbol "${symbol}"`,
      });
    } else {
      seen.add(symbol);
    }
  });
  if (schema.default !== undefined && !symbols.includes(schema.default)) {
    ctx.problems.push({
      path,
      message: `enum default ${JSON.stringify(schema.default)} is not one of its symbols`,
    });
  }
}

/** Checks a fixed's size and logical type. */
export function checkAvroFixed(
  schema: Record<string, unknown>,
  path: string,
  ctx: AvroCheckContext,
): void {
  const { size } = schema;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
    ctx.problems.push({
      path,
      message: `fixed "size" must be a non-negative integer, got ${JSON.stringify(size)}`,
    });
    return;
  }
  checkAvroLogicalType(schema, 'fixed', path, ctx.problems);
}

/**
 * Checks a record's `fields`: names (valid, unique), `order`, aliases, each type (through
 * `checkType`) and each default against its type.
 */
export function checkAvroFields(
  schema: Record<string, unknown>,
  namespace: string,
  path: string,
  ctx: AvroCheckContext,
  checkType: AvroTypeChecker,
): void {
  const { fields } = schema;
  if (!Array.isArray(fields)) {
    ctx.problems.push({ path, message: 'record is missing its "fields" array' });
    return;
  }
  const names = new Set<string>();
  fields.forEach((field: unknown, index) => {
    const slot = join(path, `fields[${index}]`);
    if (!isObject(field)) {
      ctx.problems.push({ path: slot, message: 'a field must be an object' });
      return;
    }
    if (!isValidAvroSimpleName(field.name)) {
      ctx.problems.push({
        path: slot,
        message: `invalid or missing field name ${JSON.stringify(field.name)}`,
      });
      return;
    }
    const fieldPath = join(path, field.name);
    if (field.name === '__proto__') {
      // avsc's generated checks read `value.__proto__`, which is the prototype, not a field.
      ctx.problems.push({
        path: fieldPath,
        message: 'the field name "__proto__" is not supported',
      });
      return;
    }
    if (names.has(field.name))
      ctx.problems.push({ path: fieldPath, message: `duplicate field "${field.name}"` });
    names.add(field.name);
    if (field.order !== undefined && !ORDERS.has(field.order as string)) {
      ctx.problems.push({
        path: fieldPath,
        message: `invalid order ${JSON.stringify(field.order)}`,
      });
    }
    checkAvroAliases(field.aliases, fieldPath, ctx);
    if (field.type === undefined) {
      ctx.problems.push({ path: fieldPath, message: 'field is missing "type"' });
      return;
    }
    const before = ctx.problems.length;
    checkType(field.type, namespace, fieldPath, ctx);
    if (field.default !== undefined && ctx.problems.length === before) {
      checkAvroDefault(field.type, field.default, {
        namespace,
        named: ctx.named,
        path: fieldPath,
        problems: ctx.problems,
      });
    }
  });
}

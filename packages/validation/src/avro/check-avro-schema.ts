import type { SchemaProblem } from '../schema-format.js';
import {
  AVRO_PRIMITIVES,
  avroDefinitionFullName,
  avroNamespaceOf,
  isValidAvroFullName,
  isValidAvroNamespace,
  isValidAvroSimpleName,
  qualifyAvroName,
} from './avro-names.js';
import { checkAvroDefault } from './check-avro-default.js';
import { checkAvroLogicalType } from './check-avro-logical-type.js';

/** A named type (record, error, enum, fixed) found while checking. */
export interface AvroNamedDefinition {
  fullName: string;
  schema: Record<string, unknown>;
}

/** State shared by the checks of one schema and the schemas it references. */
export interface AvroCheckContext {
  /** Named types by full name, in definition order. */
  named: Map<string, AvroNamedDefinition>;
  problems: SchemaProblem[];
}

const NAMED_KINDS = new Set(['record', 'error', 'enum', 'fixed']);
const ORDERS = new Set(['ascending', 'descending', 'ignore']);

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks one Avro schema (parsed JSON) the way the specification defines it and records every
 * problem with its field path (`User.address.street`, `fields[2]`, `[1]` for a union branch).
 * Named types are registered in `ctx.named` as they are met, so references to types defined
 * later (which Avro forbids) are reported as unknown.
 */
export function checkAvroSchema(schema: unknown, ctx: AvroCheckContext, path = ''): void {
  checkType(schema, '', path, ctx, false);
}

function checkReference(name: string, namespace: string, path: string, ctx: AvroCheckContext) {
  if (AVRO_PRIMITIVES.has(name)) return;
  if (!isValidAvroFullName(name)) {
    ctx.problems.push({ path, message: `invalid type name ${JSON.stringify(name)}` });
    return;
  }
  const fullName = qualifyAvroName(name, namespace);
  if (!ctx.named.has(fullName)) {
    ctx.problems.push({ path, message: `unknown type "${fullName}"` });
  }
}

function checkType(
  schema: unknown,
  namespace: string,
  path: string,
  ctx: AvroCheckContext,
  inUnion: boolean,
): void {
  if (typeof schema === 'string') {
    checkReference(schema, namespace, path, ctx);
  } else if (Array.isArray(schema)) {
    checkUnion(schema, namespace, path, ctx, inUnion);
  } else if (isObject(schema)) {
    checkObject(schema, namespace, path, ctx, inUnion);
  } else {
    ctx.problems.push({
      path,
      message: `invalid schema ${JSON.stringify(schema)}: expected a type name, a union array or an object`,
    });
  }
}

function unionBranchKey(branch: unknown, namespace: string): string | undefined {
  if (typeof branch === 'string') return qualifyAvroName(branch, namespace);
  if (!isObject(branch)) return undefined;
  const type = branch.type;
  if (typeof type !== 'string') return isObject(type) ? unionBranchKey(type, namespace) : undefined;
  if (NAMED_KINDS.has(type) && typeof branch.name === 'string') {
    return avroDefinitionFullName(branch.name, branch.namespace, namespace);
  }
  return AVRO_PRIMITIVES.has(type) || type === 'array' || type === 'map'
    ? type
    : qualifyAvroName(type, namespace);
}

function checkUnion(
  branches: unknown[],
  namespace: string,
  path: string,
  ctx: AvroCheckContext,
  inUnion: boolean,
): void {
  if (inUnion) {
    ctx.problems.push({ path, message: 'a union may not directly contain another union' });
    return;
  }
  const seen = new Set<string>();
  branches.forEach((branch, index) => {
    const branchPath = `${path}[${index}]`;
    const key = unionBranchKey(branch, namespace);
    if (key !== undefined) {
      if (seen.has(key))
        ctx.problems.push({ path: branchPath, message: `duplicate type "${key}" in union` });
      seen.add(key);
    }
    checkType(branch, namespace, branchPath, ctx, true);
  });
}

function checkObject(
  schema: Record<string, unknown>,
  namespace: string,
  path: string,
  ctx: AvroCheckContext,
  inUnion: boolean,
): void {
  const type = schema.type;
  if (type === undefined) {
    ctx.problems.push({ path, message: 'missing "type"' });
  } else if (Array.isArray(type) || isObject(type)) {
    checkType(type, namespace, path, ctx, inUnion);
  } else if (typeof type !== 'string') {
    ctx.problems.push({
      path,
      message: `"type" must be a string, array or object, got ${JSON.stringify(type)}`,
    });
  } else if (AVRO_PRIMITIVES.has(type)) {
    checkAvroLogicalType(schema, type, path, ctx.problems);
  } else if (NAMED_KINDS.has(type)) {
    checkNamed(schema, type, namespace, path, ctx);
  } else if (type === 'array' || type === 'map') {
    const key = type === 'array' ? 'items' : 'values';
    if (schema[key] === undefined)
      ctx.problems.push({ path, message: `${type} is missing "${key}"` });
    else checkType(schema[key], namespace, join(path, key), ctx, false);
  } else {
    checkReference(type, namespace, path, ctx);
  }
}

function checkAliases(aliases: unknown, path: string, ctx: AvroCheckContext): void {
  if (aliases === undefined) return;
  if (!Array.isArray(aliases) || !aliases.every(isValidAvroFullName)) {
    ctx.problems.push({
      path,
      message: `"aliases" must be an array of names, got ${JSON.stringify(aliases)}`,
    });
  }
}

function checkNamed(
  schema: Record<string, unknown>,
  kind: string,
  namespace: string,
  path: string,
  ctx: AvroCheckContext,
): void {
  const { name } = schema;
  if (!isValidAvroFullName(name)) {
    ctx.problems.push({
      path,
      message: `${kind} has an invalid or missing "name": ${JSON.stringify(name)}`,
    });
    return;
  }
  if (schema.namespace !== undefined && !isValidAvroNamespace(schema.namespace)) {
    ctx.problems.push({ path, message: `invalid namespace ${JSON.stringify(schema.namespace)}` });
    return;
  }
  const fullName = avroDefinitionFullName(name, schema.namespace, namespace);
  const simpleName = fullName.slice(fullName.lastIndexOf('.') + 1);
  const here = path === '' ? simpleName : path;
  if (AVRO_PRIMITIVES.has(simpleName)) {
    ctx.problems.push({
      path: here,
      message: `a ${kind} cannot be named after primitive type "${simpleName}"`,
    });
    return;
  }
  if (ctx.named.has(fullName)) {
    ctx.problems.push({ path: here, message: `type "${fullName}" is defined twice` });
    return;
  }
  ctx.named.set(fullName, { fullName, schema });
  checkAliases(schema.aliases, here, ctx);
  const inner = avroNamespaceOf(fullName);
  if (kind === 'enum') checkEnum(schema, here, ctx);
  else if (kind === 'fixed') checkFixed(schema, here, ctx);
  else checkFields(schema, inner, here, ctx);
}

function checkEnum(schema: Record<string, unknown>, path: string, ctx: AvroCheckContext): void {
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

function checkFixed(schema: Record<string, unknown>, path: string, ctx: AvroCheckContext): void {
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

function checkFields(
  schema: Record<string, unknown>,
  namespace: string,
  path: string,
  ctx: AvroCheckContext,
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
    if (names.has(field.name))
      ctx.problems.push({ path: fieldPath, message: `duplicate field "${field.name}"` });
    names.add(field.name);
    if (field.order !== undefined && !ORDERS.has(field.order as string)) {
      ctx.problems.push({
        path: fieldPath,
        message: `invalid order ${JSON.stringify(field.order)}`,
      });
    }
    checkAliases(field.aliases, fieldPath, ctx);
    if (field.type === undefined) {
      ctx.problems.push({ path: fieldPath, message: 'field is missing "type"' });
      return;
    }
    const before = ctx.problems.length;
    checkType(field.type, namespace, fieldPath, ctx, false);
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

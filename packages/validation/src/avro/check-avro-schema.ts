import type { SchemaProblem } from '../schema-format.js';
import {
  AVRO_PRIMITIVES,
  avroDefinitionFullName,
  avroNamespaceOf,
  isValidAvroFullName,
  isValidAvroNamespace,
  qualifyAvroName,
} from './avro-names.js';
import { checkAvroLogicalType } from './check-avro-logical-type.js';
import {
  checkAvroAliases,
  checkAvroEnum,
  checkAvroFields,
  checkAvroFixed,
} from './check-avro-named-types.js';

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
  if (branches.length === 0) {
    // Java accepts `[]` (a type without values); avsc cannot build it, so it is refused here.
    ctx.problems.push({ path, message: 'a union needs at least one branch' });
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
  if (fullName.split('.').includes('__proto__')) {
    ctx.problems.push({ path: here, message: 'the name "__proto__" is not supported' });
    return;
  }
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
  checkAvroAliases(schema.aliases, here, ctx);
  const inner = avroNamespaceOf(fullName);
  if (kind === 'enum') checkAvroEnum(schema, here, ctx);
  else if (kind === 'fixed') checkAvroFixed(schema, here, ctx);
  else checkAvroFields(schema, inner, here, ctx, (s, ns, p, c) => checkType(s, ns, p, c, false));
}

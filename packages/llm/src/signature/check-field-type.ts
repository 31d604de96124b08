import { isMlTypeName } from '../ml-types/ml-type-ids.js';
import { constrainType } from './constrain-type.js';
import { checkCustomTypeName, copyCustomSchema } from './custom-types.js';
import type { FieldType, LiteralValue } from './field-type.js';
import { SIGNATURE_LIMITS } from './limits.js';
import { SignatureError, type SignatureErrorDetails } from './signature-error.js';

const KINDS = [
  'string',
  'integer',
  'float',
  'boolean',
  'any',
  'list',
  'dict',
  'optional',
  'literal',
  'union',
  'ml',
];

type Node = Record<string, unknown>;

/**
 * Checks a field type that did not come from this package's parser or `t` (a hand-written
 * object, JSON from storage) and returns a clean copy with only known members. Every constraint
 * is checked as `constrainType` does; nesting deeper than the limit throws `SIGNATURE_TOO_DEEP`,
 * anything else malformed `SIGNATURE_INVALID_TYPE` or `SIGNATURE_INVALID_CONSTRAINT`.
 */
export function checkFieldType(type: unknown, where: SignatureErrorDetails, depth = 1): FieldType {
  const fail = (message: string): never => {
    throw new SignatureError('SIGNATURE_INVALID_TYPE', message, where);
  };
  if (depth > SIGNATURE_LIMITS.depth)
    throw new SignatureError(
      'SIGNATURE_TOO_DEEP',
      `types nest deeper than ${SIGNATURE_LIMITS.depth} levels`,
      where,
    );
  if (typeof type !== 'object' || type === null || Array.isArray(type))
    return fail('a type must be an object with a kind');
  const node = type as Node;
  const child = (value: unknown) => checkFieldType(value, where, depth + 1);
  switch (node.kind) {
    case 'string':
      return constrainType(
        { kind: 'string' },
        { minLength: node.minLength, maxLength: node.maxLength, pattern: node.pattern } as object,
        where,
      );
    case 'integer':
    case 'float':
      return constrainType(
        { kind: node.kind },
        { min: node.minimum, max: node.maximum } as object,
        where,
      );
    case 'boolean':
    case 'any':
      return { kind: node.kind };
    case 'list':
      return constrainType(
        { kind: 'list', items: child(node.items) },
        { minItems: node.minItems, maxItems: node.maxItems } as object,
        where,
      );
    case 'dict':
      return { kind: 'dict', values: child(node.values) };
    case 'optional':
      return { kind: 'optional', inner: child(node.inner) };
    case 'union': {
      const options = node.options;
      if (
        !Array.isArray(options) ||
        options.length < 2 ||
        options.length > SIGNATURE_LIMITS.literalValues
      )
        return fail(`a union has 2 to ${SIGNATURE_LIMITS.literalValues} options`);
      return { kind: 'union', options: options.map(child) };
    }
    case 'literal':
      return { kind: 'literal', values: literalValues(node.values, fail) };
    case 'ml':
      return mlType(node, where, fail);
    case 'custom': {
      const name = checkCustomTypeName(node.name);
      return { kind: 'custom', name, schema: copyCustomSchema(name, node.schema) };
    }
    default:
      return fail(
        `unknown type kind ${JSON.stringify(String(node.kind)).slice(0, 40)}; known: ${KINDS.join(', ')}`,
      );
  }
}

function literalValues(values: unknown, fail: (message: string) => never): LiteralValue[] {
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    values.length > SIGNATURE_LIMITS.literalValues
  )
    return fail(`a literal has 1 to ${SIGNATURE_LIMITS.literalValues} values`);
  const out: LiteralValue[] = [];
  for (const value of values) {
    const ok =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!ok) return fail('literal values are strings, finite numbers or booleans');
    if (out.includes(value)) return fail(`literal lists ${JSON.stringify(value)} twice`);
    out.push(value);
  }
  return out;
}

function mlType(
  node: Node,
  where: SignatureErrorDetails,
  fail: (message: string) => never,
): FieldType {
  const { name, dimension, shape, unitNorm } = node;
  if (typeof name !== 'string' || !isMlTypeName(name))
    return fail(`unknown ML type ${JSON.stringify(String(name)).slice(0, 40)}`);
  if (name === 'embedding') {
    if (dimension !== undefined && !(Number.isSafeInteger(dimension) && (dimension as number) >= 1))
      return fail('embedding dimension must be a positive integer');
    const base: FieldType =
      dimension === undefined
        ? { kind: 'ml', name }
        : { kind: 'ml', name, dimension: dimension as number };
    return constrainType(base, { unitNorm } as object, where);
  }
  if (unitNorm !== undefined || dimension !== undefined)
    return fail(`${name} takes no dimension or unit norm`);
  if (name !== 'tensor' || shape === undefined)
    return shape === undefined ? { kind: 'ml', name } : fail(`${name} takes no shape`);
  if (
    !Array.isArray(shape) ||
    shape.length > 32 ||
    shape.some((n) => n !== null && !(Number.isSafeInteger(n) && n >= 0))
  )
    return fail('tensor shape is up to 32 non-negative integers or null');
  return { kind: 'ml', name, shape: [...shape] };
}

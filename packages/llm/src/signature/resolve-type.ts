import type { MlTypeName } from '../ml-types/ml-type-ids.js';
import type { FieldType, LiteralValue } from './field-type.js';
import { SIGNATURE_LIMITS } from './limits.js';
import { SignatureError } from './signature-error.js';

/** A parsed type argument: a type, or a literal value (`null` for `None`/`nil`/`_`). */
export type TypeArg =
  | { kind: 'type'; type: FieldType; line: number; column: number }
  | { kind: 'value'; value: LiteralValue | null; line: number; column: number };

/** The two textual forms of a signature. */
export type SignatureForm = 'dspy' | 'atom';

type Fail = (message: string, arg?: TypeArg) => never;
type Resolver = (args: TypeArg[] | undefined, fail: Fail) => FieldType;

const scalar =
  (type: FieldType): Resolver =>
  (args, fail) =>
    args === undefined ? type : fail('takes no arguments', args[0]);

function oneType(args: TypeArg[] | undefined, fail: Fail): FieldType {
  if (args?.length !== 1) return fail('takes exactly one type argument', args?.[1]);
  const [arg] = args;
  return arg!.kind === 'type' ? arg!.type : fail('takes a type, not a value', arg);
}

const list: Resolver = (args, fail) =>
  args === undefined
    ? { kind: 'list', items: { kind: 'any' } }
    : { kind: 'list', items: oneType(args, fail) };
const optional: Resolver = (args, fail) => ({ kind: 'optional', inner: oneType(args, fail) });
const map: Resolver = (args, fail) =>
  args === undefined
    ? { kind: 'dict', values: { kind: 'any' } }
    : { kind: 'dict', values: oneType(args, fail) };

const dict: Resolver = (args, fail) => {
  if (args === undefined) return { kind: 'dict', values: { kind: 'any' } };
  if (args.length !== 2) return fail('takes a key and a value type: dict[str, V]', args[0]);
  const [key, value] = args as [TypeArg, TypeArg];
  if (key.kind !== 'type' || key.type.kind !== 'string')
    return fail('keys must be str (JSON object keys are strings)', key);
  return {
    kind: 'dict',
    values: value.kind === 'type' ? value.type : fail('takes a value type', value),
  };
};

const union: Resolver = (args, fail) => {
  if (args === undefined || args.length < 2) return fail('takes at least two types', args?.[0]);
  let nullable = false;
  const options: FieldType[] = [];
  for (const arg of args) {
    if (arg.kind === 'value' && arg.value === null) nullable = true;
    else if (arg.kind === 'type') options.push(arg.type);
    else fail('takes types (and None), not values', arg);
  }
  const inner: FieldType = options.length === 1 ? options[0]! : { kind: 'union', options };
  return nullable ? { kind: 'optional', inner } : inner;
};

const literal: Resolver = (args, fail) => {
  if (args === undefined || args.length === 0) return fail('takes at least one value');
  if (args.length > SIGNATURE_LIMITS.literalValues)
    return fail(
      `takes at most ${SIGNATURE_LIMITS.literalValues} values`,
      args[SIGNATURE_LIMITS.literalValues],
    );
  const values: LiteralValue[] = [];
  for (const arg of args) {
    if (arg.kind !== 'value' || arg.value === null)
      return fail('takes string, number or boolean values', arg);
    if (values.includes(arg.value)) return fail(`lists ${JSON.stringify(arg.value)} twice`, arg);
    values.push(arg.value);
  }
  return { kind: 'literal', values };
};

const ml =
  (name: MlTypeName): Resolver =>
  (args, fail) =>
    args === undefined ? { kind: 'ml', name } : fail('takes no arguments', args[0]);

const embedding: Resolver = (args, fail) => {
  if (args === undefined) return { kind: 'ml', name: 'embedding' };
  const [arg] = args;
  if (args.length !== 1 || arg!.kind !== 'value' || !isCount(arg!.value, 1))
    return fail('takes one argument, the dimension (a positive integer)', arg);
  return { kind: 'ml', name: 'embedding', dimension: arg!.value as number };
};

const tensor: Resolver = (args, fail) => {
  if (args === undefined) return { kind: 'ml', name: 'tensor' };
  if (args.length > 32) return fail('has at most 32 dimensions', args[32]);
  const shape = args.map((arg) =>
    arg.kind === 'value' && (arg.value === null || isCount(arg.value, 0))
      ? (arg.value as number | null)
      : fail('dimensions are non-negative integers or None', arg),
  );
  return { kind: 'ml', name: 'tensor', shape };
};

function isCount(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

const ML: Record<MlTypeName, Resolver> = {
  embedding,
  probability: ml('probability'),
  confidence_score: ml('confidence_score'),
  token_list: ml('token_list'),
  tensor,
  reasoning_chain: ml('reasoning_chain'),
  model_response: ml('model_response'),
  tool_call: ml('tool_call'),
};

const TYPES: Record<SignatureForm, Record<string, Resolver>> = {
  dspy: {
    str: scalar({ kind: 'string' }),
    int: scalar({ kind: 'integer' }),
    float: scalar({ kind: 'float' }),
    bool: scalar({ kind: 'boolean' }),
    Any: scalar({ kind: 'any' }),
    list,
    List: list,
    dict,
    Dict: dict,
    Optional: optional,
    Union: union,
    Literal: literal,
    ...ML,
  },
  atom: {
    string: scalar({ kind: 'string' }),
    integer: scalar({ kind: 'integer' }),
    float: scalar({ kind: 'float' }),
    boolean: scalar({ kind: 'boolean' }),
    any: scalar({ kind: 'any' }),
    list,
    map,
    optional,
    union,
    literal,
    enum: literal,
    ...ML,
  },
};

/** Caller-supplied types by name (see `ParseSignatureOptions.types`), already checked and copied. */
export type CustomTypes = ReadonlyMap<string, { [keyword: string]: unknown }>;

const NO_CUSTOM_TYPES: CustomTypes = new Map();

/** True when `name` is a built-in type name in either form (custom types may not shadow one). */
export function isBuiltinType(name: string): boolean {
  return Object.hasOwn(TYPES.dspy, name) || Object.hasOwn(TYPES.atom, name);
}

/** Type names known in a form, for `SIGNATURE_UNKNOWN_TYPE` messages. */
export function knownTypes(form: SignatureForm): string[] {
  return Object.keys(TYPES[form]).map((name) => (form === 'atom' ? `:${name}` : name));
}

/**
 * Resolves a type name and its arguments (`undefined` when written without brackets) in one
 * form. Unknown names throw `SIGNATURE_UNKNOWN_TYPE`, misuse `SIGNATURE_INVALID_TYPE`, both at
 * the offending position.
 */
export function resolveType(
  form: SignatureForm,
  name: string,
  args: TypeArg[] | undefined,
  at: { line: number; column: number },
  custom: CustomTypes = NO_CUSTOM_TYPES,
): FieldType {
  const written = form === 'atom' ? `:${name}` : name;
  const resolver = Object.hasOwn(TYPES[form], name) ? TYPES[form][name] : undefined;
  const schema = resolver ? undefined : custom.get(name);
  if (schema) {
    if (args !== undefined)
      throw new SignatureError(
        'SIGNATURE_INVALID_TYPE',
        `${written} (a custom type) takes no arguments`,
        at,
      );
    return { kind: 'custom', name, schema };
  }
  if (!resolver) {
    const known = [
      ...knownTypes(form),
      ...[...custom.keys()].map((n) => (form === 'atom' ? `:${n}` : n)),
    ];
    throw new SignatureError(
      'SIGNATURE_UNKNOWN_TYPE',
      `unknown type ${written}; known types: ${known.join(', ')}`,
      { ...at, typeName: written, known },
    );
  }
  return resolver(args, (message, arg) => {
    throw new SignatureError('SIGNATURE_INVALID_TYPE', `${written} ${message}`, {
      line: arg?.line ?? at.line,
      column: arg?.column ?? at.column,
    });
  });
}

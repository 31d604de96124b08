/**
 * The stable base every ML type `$id` starts with. Registered schemas `$ref` these ids; the
 * registry resolves them from {@link ML_TYPE_SCHEMAS}, never over the network, so the host only
 * has to be unique, not reachable.
 */
export const ML_TYPES_BASE = 'https://llmsr.dev/ml-types/';

/** The JSON Schema dialect of every ML type schema. */
export const ML_TYPES_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Names of the ML types, in documentation order. */
export const ML_TYPE_NAMES = [
  'embedding',
  'probability',
  'confidence_score',
  'token_list',
  'tensor',
  'reasoning_chain',
  'model_response',
  'tool_call',
] as const;

/** The name of one ML type. */
export type MlTypeName = (typeof ML_TYPE_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(ML_TYPE_NAMES);

/** True when `name` names an ML type. */
export function isMlTypeName(name: string): name is MlTypeName {
  return NAMES.has(name);
}

/**
 * The stable `$id` of an ML type.
 *
 * @example
 * mlTypeId('embedding'); // 'https://llmsr.dev/ml-types/embedding.json'
 */
export function mlTypeId(name: MlTypeName): string {
  return `${ML_TYPES_BASE}${name}.json`;
}

/**
 * The ML type a `$ref` points to, or `undefined` for any other reference: the exact `$id`,
 * optionally with an empty fragment (`...embedding.json#`).
 *
 * @example
 * mlTypeNameOf('https://llmsr.dev/ml-types/tensor.json'); // 'tensor'
 * mlTypeNameOf('#/$defs/tensor'); // undefined
 */
export function mlTypeNameOf(ref: string): MlTypeName | undefined {
  if (!ref.startsWith(ML_TYPES_BASE)) return undefined;
  const rest = ref.slice(ML_TYPES_BASE.length).replace(/#$/, '');
  if (!rest.endsWith('.json')) return undefined;
  const name = rest.slice(0, -'.json'.length);
  return isMlTypeName(name) ? name : undefined;
}

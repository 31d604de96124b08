/** Avro's primitive type names; they cannot be redefined or qualified. */
export const AVRO_PRIMITIVES: ReadonlySet<string> = new Set([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);

const NAME_PART = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` is a valid simple Avro name (also used for enum symbols and field names). */
export function isValidAvroSimpleName(name: unknown): name is string {
  return typeof name === 'string' && NAME_PART.test(name);
}

/** Whether `name` is a valid (possibly dotted) Avro full name. */
export function isValidAvroFullName(name: unknown): name is string {
  return typeof name === 'string' && name.split('.').every((part) => NAME_PART.test(part));
}

/** Whether `namespace` is a valid Avro namespace (empty means the null namespace). */
export function isValidAvroNamespace(namespace: unknown): namespace is string {
  return namespace === '' || isValidAvroFullName(namespace);
}

/**
 * Full name of `name` seen inside `namespace`: dotted names are already full, primitive names
 * are never qualified.
 */
export function qualifyAvroName(name: string, namespace: string): string {
  if (name.includes('.') || AVRO_PRIMITIVES.has(name) || namespace === '') return name;
  return `${namespace}.${name}`;
}

/** The namespace part of a full name (`a.b` for `a.b.C`, empty for `C`). */
export function avroNamespaceOf(fullName: string): string {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? '' : fullName.slice(0, dot);
}

/** Full name of a named type definition (`name`, optional `namespace`, enclosing namespace). */
export function avroDefinitionFullName(
  name: string,
  namespace: unknown,
  enclosing: string,
): string {
  if (name.includes('.')) return name;
  const ns = typeof namespace === 'string' ? namespace : enclosing;
  return ns === '' ? name : `${ns}.${name}`;
}

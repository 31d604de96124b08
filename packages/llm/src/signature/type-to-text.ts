import type { FieldType, LiteralValue } from './field-type.js';

/** Escapes that keep a Literal string on one line and readable back by the parser. */
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function literal(value: LiteralValue): string {
  if (typeof value === 'string') return `'${value.replace(/[\\'\n\r\t]/g, (ch) => ESCAPES[ch]!)}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/**
 * A field type as DSPy-style text for prompts and messages, whatever form it was written in:
 * `list[str]`, `Optional[int]`, `Literal['a', 'b']`, `embedding[768]`, `tensor[2, None]`.
 */
export function typeToText(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return 'str';
    case 'integer':
      return 'int';
    case 'float':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'any':
      return 'Any';
    case 'list':
      return type.items.kind === 'any' ? 'list' : `list[${typeToText(type.items)}]`;
    case 'dict':
      return type.values.kind === 'any' ? 'dict' : `dict[str, ${typeToText(type.values)}]`;
    case 'optional':
      return `Optional[${typeToText(type.inner)}]`;
    case 'literal':
      return `Literal[${type.values.map(literal).join(', ')}]`;
    case 'union':
      return `Union[${type.options.map(typeToText).join(', ')}]`;
    case 'ml':
      if (type.dimension !== undefined) return `${type.name}[${type.dimension}]`;
      if (type.shape !== undefined)
        return `${type.name}[${type.shape.map((n) => n ?? 'None').join(', ')}]`;
      return type.name;
    case 'custom':
      return type.name;
  }
}

/** Constraints of a field type as short prose for the prompt, as DSPy does. */
export function constraintsToText(type: FieldType): string[] {
  const base = type.kind === 'optional' ? type.inner : type;
  const out: string[] = [];
  const add = (label: string, value: unknown) => {
    if (value !== undefined) out.push(`${label}: ${value}`);
  };
  if (base.kind === 'integer' || base.kind === 'float') {
    add('minimum', base.minimum);
    add('maximum', base.maximum);
  } else if (base.kind === 'string') {
    add('minimum length', base.minLength);
    add('maximum length', base.maxLength);
    add('pattern', base.pattern);
  } else if (base.kind === 'list') {
    add('minimum items', base.minItems);
    add('maximum items', base.maxItems);
  } else if (base.kind === 'ml') {
    add('dimension', base.dimension);
    if (base.unitNorm !== undefined) out.push('unit norm');
  }
  return out;
}

/**
 * The label DSPy shows the model for a field: words split at `_` and case changes, each
 * capitalised, then a colon (`question` -> `Question:`, `user_query` -> `User Query:`).
 */
export function inferPrefix(name: string): string {
  let prefix = PREFIXES.get(name);
  if (prefix === undefined) {
    // Field names repeat across compilations; the cache is bounded so varied names cannot grow it.
    if (PREFIXES.size >= 10_000) PREFIXES.clear();
    prefix = computePrefix(name);
    PREFIXES.set(name, prefix);
  }
  return prefix;
}

const PREFIXES = new Map<string, string>();

function computePrefix(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return `${words.join(' ') || name}:`;
}

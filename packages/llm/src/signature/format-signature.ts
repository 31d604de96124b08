import type { FieldType, LiteralValue } from './field-type.js';
import type { SignatureForm } from './resolve-type.js';
import type { Signature, SignatureField } from './signature.js';
import { SignatureError } from './signature-error.js';
import { signatureFromJson } from './signature-from-json.js';
import { typeToText } from './type-to-text.js';

/** Options of {@link formatSignature}. */
export interface FormatSignatureOptions {
  /** `dspy` (default; no name or instructions in the text) or `atom`. */
  form?: SignatureForm;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function quote(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (ch) => ESCAPES[ch]!)}"`;
}

function atomValue(value: LiteralValue): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function atomType(type: FieldType): string {
  switch (type.kind) {
    case 'string':
      return ':string';
    case 'integer':
      return ':integer';
    case 'float':
      return ':float';
    case 'boolean':
      return ':boolean';
    case 'any':
      return ':any';
    case 'list':
      return type.items.kind === 'any' ? ':list' : `:list(${atomType(type.items)})`;
    case 'dict':
      return type.values.kind === 'any' ? ':map' : `:map(${atomType(type.values)})`;
    case 'optional':
      return `:optional(${atomType(type.inner)})`;
    case 'literal':
      return `:literal(${type.values.map(atomValue).join(', ')})`;
    case 'union':
      return `:union(${type.options.map(atomType).join(', ')})`;
    case 'ml':
      if (type.dimension !== undefined) return `:${type.name}(${type.dimension})`;
      if (type.shape !== undefined)
        return `:${type.name}(${type.shape.map((n) => n ?? '_').join(', ')})`;
      return `:${type.name}`;
    case 'custom':
      return `:${type.name}`;
  }
}

/** Top-level constraints and tunable keys as a `{...}` block, or '' when there are none. */
function block(field: SignatureField): string {
  const type = field.type.kind === 'optional' ? field.type.inner : field.type;
  const entries: string[] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined) return;
    entries.push(
      value === true ? key : `${key}: ${typeof value === 'string' ? quote(value) : String(value)}`,
    );
  };
  const t = type as unknown as Partial<Record<string, unknown>>;
  add('min', t.minimum);
  add('max', t.maximum);
  add('min_length', t.minLength);
  add('max_length', t.maxLength);
  add('pattern', t.pattern);
  add('min_items', t.minItems);
  add('max_items', t.maxItems);
  add('unit_norm', t.unitNorm);
  if (field.tunable) {
    add('tunable', true);
    add('default', field.tunable.default);
    add('step', field.tunable.step);
    add('log', field.tunable.log);
  }
  return entries.length === 0 ? '' : ` {${entries.join(', ')}}`;
}

/** Nested constraints have no text form (text constraints apply to the field's own type). */
function checkNested(field: SignatureField, type: FieldType, top: boolean): void {
  const t = type as unknown as Partial<Record<string, unknown>>;
  const constrained = [
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'pattern',
    'minItems',
    'maxItems',
    'unitNorm',
  ].some((key) => t[key] !== undefined);
  if (constrained && !top)
    throw new SignatureError(
      'SIGNATURE_INVALID_CONSTRAINT',
      `field "${field.name}" has constraints inside its type, which signature text cannot express`,
      { path: `${field.role}s.${field.name}` },
    );
  const children =
    type.kind === 'list'
      ? [type.items]
      : type.kind === 'dict'
        ? [type.values]
        : type.kind === 'union'
          ? type.options
          : [];
  for (const child of children) checkNested(field, child, false);
  if (type.kind === 'optional') checkNested(field, type.inner, top);
}

/**
 * Writes a signature as text that {@link parseSignatureOrThrow} reads back to the same fields:
 * types, top-level constraints, tunable marks and descriptions (the atom form also keeps the
 * name and instructions). Custom prefixes and instruction candidates have no text form.
 * Throws `SIGNATURE_INVALID_CONSTRAINT` for constraints nested inside a type (builder only).
 *
 * @example
 * formatSignature(qa, { form: 'atom' });
 * // 'signature qa "Answer.": :list(:string) context, :string question -> :string answer'
 */
export function formatSignature(given: Signature, options: FormatSignatureOptions = {}): string {
  const signature = signatureFromJson(given);
  const atom = options.form === 'atom';
  const field = (f: SignatureField) => {
    checkNested(f, f.type, true);
    const description = f.description === undefined ? '' : ` ${quote(f.description)}`;
    const head = atom ? `${atomType(f.type)} ${f.name}` : `${f.name}: ${typeToText(f.type)}`;
    return `${head}${block(f)}${description}`;
  };
  const body = `${signature.inputs.map(field).join(', ')} -> ${signature.outputs.map(field).join(', ')}`;
  if (!atom) return body.startsWith(' ') ? body.slice(1) : body;
  const instructions =
    signature.instructions === undefined ? '' : ` ${quote(signature.instructions)}`;
  return `signature ${signature.name}${instructions}: ${body}`;
}

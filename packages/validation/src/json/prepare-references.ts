import type { Ajv as AjvCore } from 'ajv';
import { type ResolvedReference, SchemaParseError } from '../schema-format.js';
import type { AjvPool } from './ajv-pool.js';
import { detectJsonDraft, type JsonDraft } from './detect-json-draft.js';
import { parseJsonText } from './parse-json-text.js';
import { toStrictSchema } from './to-strict-schema.js';

/** Most referenced schemas (transitively) one schema may pull in. */
export const MAX_REFERENCES = 1000;

/** A schema's references, parsed, checked and ready to register in an ajv instance. */
export interface PreparedReferences {
  /** Adds every reference to `ajv` under its name(s); strict variants get strict references. */
  register(ajv: AjvCore, strict: boolean): void;
  /** Every reference (transitively), parsed, with the names a `$ref` may use for it. */
  readonly documents: readonly PreparedReference[];
}

/** One parsed reference and the names it is registered under. */
export interface PreparedReference {
  names: string[];
  schema: unknown;
}

/**
 * Parses and meta-validates references (transitively, each name once) and returns how to
 * register them, or `undefined` when there are none. A relative reference name is also
 * registered resolved against the root `$id`, because that is where a `$ref` of that name
 * in the root resolves to.
 */
export function prepareReferences(
  references: readonly ResolvedReference[] | undefined,
  options: { pool: AjvPool; rootId?: string; draft: JsonDraft },
): PreparedReferences | undefined {
  if (!references || references.length === 0) return undefined;
  const entries: PreparedReference[] = [];
  const seen = new Set<string>();
  const queue: ResolvedReference[] = [...references];
  while (queue.length > 0) {
    const reference = queue.shift()!;
    if (seen.has(reference.name)) continue;
    seen.add(reference.name);
    if (seen.size > MAX_REFERENCES) {
      throw problem(reference.name, `more than ${MAX_REFERENCES} references`);
    }
    if (reference.schemaType !== 'JSON') {
      throw problem(reference.name, `is a ${reference.schemaType} schema, not JSON`);
    }
    const schema = parseJsonText(reference.schema, { what: `reference "${reference.name}"` });
    if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null)) {
      throw problem(reference.name, 'must be a JSON object or boolean');
    }
    // A reference without `$schema` is read in the draft of the schema that references it.
    const hasOwnDraft = typeof schema === 'object' && Object.hasOwn(schema, '$schema');
    const meta = options.pool.metaValidator(hasOwnDraft ? detectJsonDraft(schema) : options.draft);
    if (!meta(schema)) {
      const first = meta.errors?.[0];
      throw problem(
        reference.name,
        `${first?.message ?? 'is invalid'} at "${first?.instancePath}"`,
      );
    }
    entries.push({ names: namesOf(reference.name, options.rootId), schema });
    queue.push(...(reference.references ?? []));
  }
  return {
    documents: entries,
    register(ajv, strict) {
      for (const entry of entries) {
        const schema = strict
          ? toStrictSchema(entry.schema, { injectAtRoot: false })
          : entry.schema;
        const [name, ...aliases] = entry.names;
        try {
          ajv.addSchema(schema as object, name);
        } catch (error) {
          throw problem(String(name), (error as Error).message);
        }
        for (const alias of aliases) {
          // An alias that collides (for example with the reference's own $id) adds nothing new.
          try {
            ajv.addSchema(schema as object, alias);
          } catch {}
        }
      }
    },
  };
}

function namesOf(name: string, rootId: string | undefined): string[] {
  if (!rootId || /^[a-z][a-z0-9+.-]*:/i.test(name)) return [name];
  try {
    const resolved = new URL(name, rootId).href;
    return resolved === name ? [name] : [name, resolved];
  } catch {
    return [name];
  }
}

function problem(name: string, message: string): SchemaParseError {
  return new SchemaParseError(`reference "${name}" ${message}`, [
    { path: `references/${name}`, message },
  ]);
}

import { canonicalJson } from './canonical-json.js';
import { JSON_DRAFT_SCHEMA_URIS, type JsonDraft } from './detect-json-draft.js';

/**
 * The canonical text of a JSON Schema read under `draft`: {@link canonicalJson} of the
 * schema, plus, when the schema has no `$schema`, the `$schema` URI of the draft it is read
 * under. The draft changes what a schema means (`items: [...]` is a tuple in draft-07 and
 * invalid in 2020-12; `exclusiveMinimum: true` is draft-04 only), so the same text read under
 * two default drafts gets two identities; and the canonical text, registered as is (Confluent's
 * `normalize`), is read under the same draft whatever the default then. A schema that states
 * its `$schema` keeps it as written. Boolean schemas mean the same in every draft and stay
 * `true`/`false`.
 *
 * @example
 * ```ts
 * jsonSchemaCanonicalForm({ type: 'string' }, 'draft-07');
 * // '{"$schema":"http://json-schema.org/draft-07/schema#","type":"string"}'
 * ```
 */
export function jsonSchemaCanonicalForm(native: unknown, draft: JsonDraft): string {
  if (typeof native !== 'object' || native === null || Array.isArray(native)) {
    return canonicalJson(native);
  }
  if (Object.hasOwn(native, '$schema')) return canonicalJson(native);
  return canonicalJson({ ...native, $schema: JSON_DRAFT_SCHEMA_URIS[draft] });
}

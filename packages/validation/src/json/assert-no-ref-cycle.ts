import { SchemaParseError } from '../schema-format.js';
import type { JsonDraft } from './detect-json-draft.js';
import { findRefCycle } from './find-ref-cycle.js';
import type { PreparedReferences } from './prepare-references.js';

/**
 * Throws {@link SchemaParseError} when the schema (with its references) holds a `$ref` loop
 * that never reads into the data (see {@link findRefCycle}): such a schema could never finish
 * validating anything, so it is refused when registered rather than failing every validation.
 */
export function assertNoRefCycle(
  native: unknown,
  draft: JsonDraft,
  references: PreparedReferences | undefined,
): void {
  const documents = [
    { schema: native, names: [], label: '' },
    ...(references?.documents ?? []).map((reference) => ({
      schema: reference.schema,
      names: reference.names,
      label: reference.names[0] ?? '',
    })),
  ];
  const cycle = findRefCycle(documents, draft);
  if (!cycle) return;
  const loop = cycle.labels.join(' -> ');
  const message = `$ref cycle: ${loop} never reaches a keyword that reads into the data`;
  throw new SchemaParseError(`${message}, so validation could never end`, [
    { path: cycle.pointer, message },
  ]);
}

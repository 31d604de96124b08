import { resolveSubjectConfig } from '../config-operations.js';
import { parseCandidate } from '../parse-candidate.js';
import { parseSubject } from '../parse-subject.js';
import { pinReferences } from '../pin-references.js';
import type { ParsedCandidate } from '../register-schema.js';
import type { RegistryContext } from '../registry-context.js';
import { parseReferences, resolveReferences } from '../resolve-references.js';
import { parseSchemaType, toSchemaText } from '../schema-text.js';

/** The schema of a Confluent request (register or lookup), as it names it. */
export interface ConfluentSchemaContent {
  subject: string;
  /** The schema text; Confluent sends every format as a string. */
  schema: string;
  /** AVRO when absent, as Confluent. */
  schemaType?: string | undefined;
  /** `[{ name, subject, version }]`; checked here. */
  references?: unknown;
  /** Confluent's `normalize`; unset: the subject's, else the global setting. */
  normalize?: boolean | undefined;
}

/** A Confluent request's schema, read once: what the register and lookup flows share. */
export interface ConfluentCandidate extends ParsedCandidate {
  /** The subject, or undefined when the name is not one a subject can have. */
  subject: string | undefined;
}

/**
 * Read the schema of a Confluent request once: its type (AVRO by default), its references
 * resolved once from the store (and pinned), the subject's settings, and one parse under them.
 * (Core's `prepareCandidate`, when merged, does the same with `schemaType ?? 'AVRO'`.) A subject name
 * no subject can have is not refused here, so a bad schema is reported first, as before.
 * @throws RegistryError `INVALID_SCHEMA` / `INVALID_INPUT`.
 */
export async function readConfluentCandidate(
  context: RegistryContext,
  input: ConfluentSchemaContent,
): Promise<ConfluentCandidate> {
  const schemaType = parseSchemaType(input.schemaType ?? 'AVRO');
  const text = toSchemaText(input.schema, schemaType);
  const references = parseReferences(input.references);
  const resolved = await resolveReferences(context.store, references);
  const subject = isSubjectName(input.subject) ? input.subject : undefined;
  const settings = await resolveSubjectConfig(context, subject ?? null);
  const candidate = parseCandidate({
    schemaType,
    text,
    references: resolved,
    normalize: input.normalize ?? settings.normalize,
    jsonSchemaDefaultDraft: settings.jsonSchemaDefaultDraft,
  });
  return {
    subject,
    schemaType,
    text: candidate.text,
    references: pinReferences(references, resolved),
    parsed: candidate.parsed,
    settings,
  };
}

function isSubjectName(value: unknown): value is string {
  try {
    parseSubject(value);
    return true;
  } catch {
    return false;
  }
}

import { isSubjectName } from '../parse-subject.js';
import { type PreparedCandidate, prepareCandidate } from '../prepare-candidate.js';
import type { RegistryContext } from '../registry-context.js';
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
export interface ConfluentCandidate extends PreparedCandidate {
  /** The subject, or undefined when the name is not one a subject can have. */
  subject: string | undefined;
}

/**
 * Read the schema of a Confluent request once through {@link prepareCandidate}: its type (AVRO
 * by default), its references resolved once from the store (and pinned), the subject's
 * settings, and one parse under them. A subject name no subject can have is not refused here,
 * so a bad schema is reported first, as Confluent does.
 * @throws RegistryError `INVALID_SCHEMA` / `INVALID_INPUT`.
 */
export async function readConfluentCandidate(
  context: RegistryContext,
  input: ConfluentSchemaContent,
): Promise<ConfluentCandidate> {
  const subject = isSubjectName(input.subject) ? input.subject : undefined;
  const prepared = await prepareCandidate(
    context,
    { ...input, schemaType: input.schemaType ?? 'AVRO' },
    { subject: subject ?? null },
  );
  return { ...prepared, subject };
}

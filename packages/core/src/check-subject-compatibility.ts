import type { CompatibilityReport } from '@llmsr/compatibility';
import { parseCompatibilityLevel, resolveCompatibilityLevel } from './config-operations.js';
import { findVersionOrThrow } from './find-version.js';
import { parseSchemaOrThrow } from './parse-schema-or-throw.js';
import { parseSubject } from './parse-subject.js';
import { checkAgainstHistory } from './register-schema.js';
import type { RegistryContext } from './registry-context.js';
import { parseReferences, resolveReferences } from './resolve-references.js';
import { parseSchemaType, toSchemaText } from './schema-text.js';
import type { CheckCompatibilityInput } from './types.js';

/** Check a schema against a subject's history without registering it. */
export async function checkSubjectCompatibility(
  context: RegistryContext,
  input: CheckCompatibilityInput,
): Promise<CompatibilityReport> {
  const subject = parseSubject(input.subject);
  const schemaType = parseSchemaType(input.schemaType);
  const text = toSchemaText(input.schema, schemaType);
  const references = await resolveReferences(context.store, parseReferences(input.references));
  const parsed = parseSchemaOrThrow(schemaType, text, references);
  const level =
    input.level === undefined
      ? await resolveCompatibilityLevel(context, subject)
      : parseCompatibilityLevel(input.level);
  if (input.version !== undefined) {
    // One named version: compare with it alone, in the level's direction(s).
    const row = await findVersionOrThrow(context, subject, input.version);
    const direct = level.replace('_TRANSITIVE', '') as typeof level;
    return checkAgainstHistory(context, { level: direct, parsed, history: [row] });
  }
  const history = (await context.store.listVersions(subject)).reverse();
  return checkAgainstHistory(context, { level, parsed, history });
}

import type { CompatibilityReport } from '@llmsr/compatibility';
import { parseCompatibilityLevel, resolveSubjectConfig } from './config-operations.js';
import { findVersionOrThrow } from './find-version.js';
import { parseCandidate } from './parse-candidate.js';
import { parseSubject } from './parse-subject.js';
import { checkAgainstHistory } from './register-schema.js';
import type { RegistryContext } from './registry-context.js';
import { parseReferences, resolveReferences } from './resolve-references.js';
import { parseSchemaType, toSchemaText } from './schema-text.js';
import type { CheckCompatibilityInput } from './types.js';

/**
 * Check a schema against a subject's history without registering it, under the subject's
 * settings as a registration would be: its level (unless `input.level`), its
 * `compatibilityPolicy`, its `jsonSchemaDefaultDraft` and its `normalize` (unless
 * `input.normalize`).
 */
export async function checkSubjectCompatibility(
  context: RegistryContext,
  input: CheckCompatibilityInput,
): Promise<CompatibilityReport> {
  const subject = parseSubject(input.subject);
  const schemaType = parseSchemaType(input.schemaType);
  const text = toSchemaText(input.schema, schemaType);
  const references = await resolveReferences(context.store, parseReferences(input.references));
  const settings = await resolveSubjectConfig(context, subject);
  const { parsed } = parseCandidate({
    schemaType,
    text,
    references,
    normalize: input.normalize ?? settings.normalize,
    jsonSchemaDefaultDraft: settings.jsonSchemaDefaultDraft,
  });
  const level =
    input.level === undefined ? settings.compatibilityLevel : parseCompatibilityLevel(input.level);
  const policy = settings.compatibilityPolicy;
  if (input.version !== undefined) {
    // One named version: compare with it alone, in the level's direction(s).
    const row = await findVersionOrThrow(context, subject, input.version);
    const direct = level.replace('_TRANSITIVE', '') as typeof level;
    return checkAgainstHistory(context, { level: direct, parsed, history: [row], policy });
  }
  const history = (await context.store.listVersions(subject)).reverse();
  return checkAgainstHistory(context, { level, parsed, history, policy });
}

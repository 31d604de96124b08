import type { CompatibilityReport } from '@llmsr/compatibility';
import { findVersionOrThrow } from './find-version.js';
import { parseCompatibilityLevel } from './parse-compatibility-level.js';
import { parseSubject } from './parse-subject.js';
import { prepareCandidate } from './prepare-candidate.js';
import { checkAgainstHistory } from './register-schema.js';
import type { RegistryContext } from './registry-context.js';
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
  const { parsed, settings } = await prepareCandidate(context, input, { subject });
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

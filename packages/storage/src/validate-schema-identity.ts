import { assertStorableText } from './storable-text.js';
import type { SchemaIdentity } from './upgrade-schema-identities.js';

/**
 * Checks what an identity `compute` function returned before anything is written, so a caller
 * bug fails the same way on every backend (a `TypeError` naming the schema id).
 */
export function validateSchemaIdentity(identity: SchemaIdentity, id: number): SchemaIdentity {
  const optional = (value: unknown) =>
    value === undefined || value === null || typeof value === 'string';
  if (
    typeof identity !== 'object' ||
    identity === null ||
    typeof identity.fingerprint !== 'string' ||
    identity.fingerprint === '' ||
    typeof identity.canonical !== 'string' ||
    !optional(identity.pcfFingerprint) ||
    !optional(identity.jsonDraft)
  ) {
    throw new TypeError(
      `The identity computed for schema ${id} must be { fingerprint: string, canonical: string, pcfFingerprint?: string | null, jsonDraft?: string | null }`,
    );
  }
  assertStorableText('fingerprint', identity.fingerprint);
  assertStorableText('canonical text', identity.canonical);
  assertStorableText('pcf fingerprint', identity.pcfFingerprint);
  assertStorableText('json draft', identity.jsonDraft);
  return identity;
}

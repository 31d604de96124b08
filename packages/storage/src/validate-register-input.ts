import { COMPATIBILITY_LEVELS } from '@llmsr/spec';
import type { NewEvent, RegisterDecision, RegisterVersionInput } from './schema-store.js';
import { assertStorableText } from './storable-text.js';
import { StorageError } from './storage-error.js';

/** Largest id or version every backend can store (PostgreSQL `integer`). */
export const MAX_INT32 = 2_147_483_647;

/**
 * Rejects input no backend could store (import ids and versions out of range, malformed
 * references, NUL characters) before any lock is taken, so every backend fails the same way
 * instead of with a driver-specific error.
 */
export function validateRegisterInput(input: RegisterVersionInput): void {
  if (input.id !== undefined && !isPositiveInt32(input.id)) {
    throw new StorageError('ID_CONFLICT', `Schema id must be an integer in 1..${MAX_INT32}`, {
      id: input.id,
    });
  }
  if (input.version !== undefined && !isPositiveInt32(input.version)) {
    throw new StorageError('VERSION_CONFLICT', `Version must be an integer in 1..${MAX_INT32}`, {
      subject: input.subject,
      version: input.version,
    });
  }
  if (input.event !== undefined && typeof input.event !== 'function') {
    throw new TypeError('registerVersion event must be a function of the created version');
  }
  assertStorableText('subject', input.subject);
  assertStorableText('schema text', input.schema.schema);
  assertStorableText('canonical text', input.schema.canonical);
  assertStorableText('fingerprint', input.schema.fingerprint);
  assertStorableText('createdBy', input.createdBy);
  for (const [index, ref] of input.schema.references.entries()) {
    // The core resolves references before registering, so a bad one here is a caller bug.
    if (
      typeof ref.name !== 'string' ||
      typeof ref.subject !== 'string' ||
      !isPositiveInt32(ref.version)
    ) {
      throw new RangeError(
        `Reference ${index} needs a string name and subject and a version in 1..${MAX_INT32}`,
      );
    }
    assertStorableText(`reference ${index} name`, ref.name);
    assertStorableText(`reference ${index} subject`, ref.subject);
  }
}

/** Throws `ID_CONFLICT` when `next` is past the largest id every backend can store. */
export function assertIdLeft(next: number): void {
  if (next > MAX_INT32) {
    throw new StorageError(
      'ID_CONFLICT',
      `No schema id is left: ids run from 1 to ${MAX_INT32} and are never reused`,
      { next },
    );
  }
}

function isPositiveInt32(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_INT32;
}

/**
 * Whether a number can be compared with an id or version column on every backend. Lookups with
 * anything else match nothing (PostgreSQL would fail on an out-of-range integer parameter).
 */
export function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= -MAX_INT32 - 1 && value <= MAX_INT32;
}

const LEVELS: ReadonlySet<string> = new Set(COMPATIBILITY_LEVELS);

/**
 * Checks what `decide` returned before anything is written, so a caller bug fails the same way
 * on every backend instead of as a driver's NOT NULL violation (or silently, in memory).
 */
export function validateDecision(decision: RegisterDecision, subject: string): RegisterDecision {
  if (
    typeof decision !== 'object' ||
    decision === null ||
    typeof decision.semver !== 'string' ||
    !LEVELS.has(decision.compatibilityLevel)
  ) {
    throw new TypeError('decide must return { semver: string, compatibilityLevel: <a level> }');
  }
  assertStorableText('semver', decision.semver);
  const config = decision.subjectConfig;
  if (config !== undefined && (typeof config !== 'object' || config?.subject !== subject)) {
    throw new TypeError(
      `decide's subjectConfig must be the config of the subject being registered (${JSON.stringify(subject)})`,
    );
  }
  return decision;
}

/** Checks an event to append: a storable string type and an object payload. */
export function assertEvent(event: NewEvent): void {
  if (
    typeof event !== 'object' ||
    event === null ||
    typeof event.type !== 'string' ||
    typeof event.payload !== 'object' ||
    event.payload === null
  ) {
    throw new TypeError('An event must be { type: string, payload: object }');
  }
  assertStorableText('event type', event.type);
}

/** A usable identity version to upgrade to: an integer of at least 1. */
export function assertIdentityTarget(target: number): number {
  if (!Number.isInteger(target) || target < 1 || target > MAX_INT32) {
    throw new RangeError(`The identity version must be an integer in 1..${MAX_INT32}`);
  }
  return target;
}

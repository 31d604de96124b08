import type { SchemaRecord } from './types.js';

/**
 * The identity rules new schema rows are written with. 1: the fingerprints written before
 * migration 0003 (Avro Parsing Canonical Form); 2: a canonical form that keeps every attribute
 * that can change meaning. Rows below it are recomputed by `SchemaStore.upgradeSchemaIdentities`.
 */
export const CURRENT_IDENTITY_VERSION = 2;

/** What a schema's identity is under the current rules (see {@link ComputeSchemaIdentity}). */
export interface SchemaIdentity {
  /** SHA-256 hex of `canonical`; the content address, unique per schema type. */
  fingerprint: string;
  canonical: string;
  /** Avro: SHA-256 hex of the Parsing Canonical Form; null (or absent) otherwise. */
  pcfFingerprint?: string | null;
  /** JSON Schema: the draft the schema is read under; null (or absent) otherwise. */
  jsonDraft?: string | null;
}

/** Recomputes the identity of a stored schema (its id, text and references never change). */
export type ComputeSchemaIdentity = (
  record: SchemaRecord,
) => SchemaIdentity | Promise<SchemaIdentity>;

/** Options of `SchemaStore.upgradeSchemaIdentities`. */
export interface UpgradeSchemaIdentitiesOptions {
  /** The identity version to bring rows to (default {@link CURRENT_IDENTITY_VERSION}). */
  target?: number;
}

/** Version metadata key under which Confluent's `metadata` is stored. */
export const CONFLUENT_METADATA_KEY = 'confluent:metadata';
/** Version metadata key under which Confluent's `ruleSet` is stored. */
export const CONFLUENT_RULE_SET_KEY = 'confluent:ruleSet';

/** Confluent's data contract of a version: its `metadata` and `ruleSet` objects. */
export interface ConfluentDataContract {
  metadata?: Record<string, unknown> | undefined;
  ruleSet?: Record<string, unknown> | undefined;
}

/**
 * The version metadata to store for a Confluent data contract, or null when it carries
 * neither field. Both are kept under their own keys so native metadata never collides.
 */
export function toStoredMetadata(contract: ConfluentDataContract): Record<string, unknown> | null {
  if (!contract.metadata && !contract.ruleSet) return null;
  return {
    ...(contract.metadata ? { [CONFLUENT_METADATA_KEY]: contract.metadata } : {}),
    ...(contract.ruleSet ? { [CONFLUENT_RULE_SET_KEY]: contract.ruleSet } : {}),
  };
}

/** Confluent's `metadata` and `ruleSet` of a stored version, as they were given (absent ones left out). */
export function confluentDataContract(
  stored: Record<string, unknown> | null | undefined,
): ConfluentDataContract {
  const metadata = stored?.[CONFLUENT_METADATA_KEY] as Record<string, unknown> | undefined;
  const ruleSet = stored?.[CONFLUENT_RULE_SET_KEY] as Record<string, unknown> | undefined;
  return {
    ...(metadata === undefined ? {} : { metadata }),
    ...(ruleSet === undefined ? {} : { ruleSet }),
  };
}

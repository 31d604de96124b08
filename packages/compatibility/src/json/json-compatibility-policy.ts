import type { CompatibilityPolicy } from '@llmsr/spec';

/**
 * How strictly JSON Schema content models are judged: `STRICT` (Confluent's default) or
 * `LENIENT` (Confluent's `compatibilityPolicy: LENIENT`, which relaxes open/closed content-model
 * rules). The name of `@llmsr/spec`'s {@link CompatibilityPolicy} in this package.
 */
export type JsonCompatibilityPolicy = CompatibilityPolicy;

/** Rules that are incompatible under STRICT but accepted under LENIENT (Confluent `COMPATIBLE_CHANGES_LENIENT`). */
export const LENIENT_ACCEPTED_RULES: ReadonlySet<string> = new Set([
  'ADDITIONAL_PROPERTIES_REMOVED',
  'ADDITIONAL_PROPERTIES_NARROWED',
  'UNEVALUATED_PROPERTIES_REMOVED',
  'UNEVALUATED_PROPERTIES_NARROWED',
  'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL',
  'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
  'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
]);

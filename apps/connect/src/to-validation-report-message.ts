import type { MessageInitShape } from '@bufbuild/protobuf';
import type { ValidationResult } from '@llmsr/core';
import type { ValidationReportSchema } from '@llmsr/proto';

/** The `ValidationReport` message of a validation result. */
export function toValidationReportMessage(
  result: ValidationResult & { schemaId: number },
): MessageInitShape<typeof ValidationReportSchema> {
  return {
    valid: result.valid,
    errors: result.errors.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message })),
    warnings: result.warnings,
    validationTimeMs: result.validationTimeMs,
    schemaId: result.schemaId,
  };
}

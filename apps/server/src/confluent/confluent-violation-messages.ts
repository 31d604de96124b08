import type { CompatibilityReport } from '@llmsr/core';

/**
 * Confluent-style messages of a compatibility report: one per violation, then the version
 * compared with and the level, like Confluent's `verbose=true` answers.
 */
export function confluentViolationMessages(report: CompatibilityReport): string[] {
  const messages = report.violations
    .filter((violation) => violation.severity === 'error')
    .map(
      (violation) =>
        `{errorType:'${violation.rule}', description:'${violation.message}', additionalInfo:'${violation.oldPath ?? violation.path}'${violation.fix ? `, fix:'${violation.fix}'` : ''}}`,
    );
  const compared = report.violations.find((violation) => violation.comparedVersion !== undefined);
  if (compared) messages.push(`{oldSchemaVersion: ${compared.comparedVersion}}`);
  if (!report.compatible) messages.push(`{compatibility: '${report.level}'}`);
  return messages;
}

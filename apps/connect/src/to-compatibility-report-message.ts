import type { MessageInitShape } from '@bufbuild/protobuf';
import type { CompatibilityReport } from '@llmsr/core';
import {
  type CompatibilityReportSchema,
  ViolationDirection,
  ViolationSeverity,
} from '@llmsr/proto';
import { toProtoLevel } from './map-compatibility-level.js';

const DIRECTION = {
  backward: ViolationDirection.BACKWARD,
  forward: ViolationDirection.FORWARD,
} as const;

const SEVERITY = { error: ViolationSeverity.ERROR, warning: ViolationSeverity.WARNING } as const;

/** The `CompatibilityReport` message of a compatibility verdict. */
export function toCompatibilityReportMessage(
  report: CompatibilityReport,
): MessageInitShape<typeof CompatibilityReportSchema> {
  return {
    compatible: report.compatible,
    level: toProtoLevel(report.level),
    comparedVersions: report.comparedVersions,
    violations: report.violations.map((v) => ({
      rule: v.rule,
      path: v.path,
      oldPath: v.oldPath ?? '',
      message: v.message,
      severity: SEVERITY[v.severity],
      direction: DIRECTION[v.direction],
      comparedVersion: v.comparedVersion ?? 0,
      fix: v.fix ?? '',
    })),
  };
}

import type { ProtobufDifference } from './protobuf-difference.js';

/** Where a comparison is: Confluent's `#/` path and the readable dotted path. */
export interface ProtobufScope {
  fullPath: string;
  path: string;
}

/** Collects differences; shared by the message, field, oneof and enum comparisons. */
export interface ProtobufDiffSink {
  add(
    type: ProtobufDifference['type'],
    scope: ProtobufScope,
    message: string,
    originalPath?: string,
  ): void;
}

/** The scope one step down: `token` extends the Confluent path, `name` the dotted path. */
export function childScope(scope: ProtobufScope, token: string, name: string): ProtobufScope {
  return {
    fullPath: scope.fullPath.endsWith('/') ? scope.fullPath + token : `${scope.fullPath}/${token}`,
    path: scope.path === '' ? name : `${scope.path}.${name}`,
  };
}

/** A sink handing each difference to `push`. */
export function createProtobufDiffSink(push: (d: ProtobufDifference) => void): ProtobufDiffSink {
  return {
    add(type, scope, message, originalPath) {
      const difference: ProtobufDifference = {
        type,
        fullPath: scope.fullPath,
        path: scope.path,
        message,
      };
      if (originalPath !== undefined && originalPath !== scope.path) {
        difference.originalPath = originalPath;
      }
      push(difference);
    },
  };
}

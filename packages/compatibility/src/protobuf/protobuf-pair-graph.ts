import type { ProtobufScope } from './protobuf-diff-sink.js';
import type { ProtobufDifference } from './protobuf-difference.js';

/** One compared message pair; named-type verdicts are settled after every pair is compared. */
export interface ProtobufPairNode {
  items: ProtobufPairItem[];
  /** Has an incompatible difference of its own (or in a nested definition's own list). */
  local: boolean;
  tainted: boolean;
  /** Pairs whose verdict depends on this one (referencing fields, enclosing messages). */
  dependents: ProtobufPairNode[];
  /** Whether the file walk reaches this pair (both types are the schemas' own definitions). */
  walked: boolean;
}

/** An entry of a pair's differences: a difference, a field whose message type may have changed incompatibly, or a nested pair's items. */
export type ProtobufPairItem =
  | { kind: 'diff'; difference: ProtobufDifference }
  | {
      kind: 'named';
      target: ProtobufPairNode;
      scope: ProtobufScope;
      what: string;
      typeName: string;
    }
  | { kind: 'nested'; target: ProtobufPairNode };

/** A pair is tainted when it, or any pair it depends on, has an incompatible difference. */
export function settleProtobufTaint(all: readonly ProtobufPairNode[]): void {
  const stack = all.filter((node) => node.local);
  for (const node of stack) node.tainted = true;
  while (stack.length > 0) {
    const node = stack.pop() as ProtobufPairNode;
    for (const dependent of node.dependents) {
      if (dependent.tainted) continue;
      dependent.tainted = true;
      stack.push(dependent);
    }
  }
}

/** Flattens the items in file order; imported types that changed incompatibly follow their field. */
export function assembleProtobufDifferences(items: ProtobufPairItem[]): ProtobufDifference[] {
  const out: ProtobufDifference[] = [];
  const emitted = new Set<ProtobufPairNode>();
  const stack: { items: ProtobufPairItem[]; at: number }[] = [{ items, at: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { items: ProtobufPairItem[]; at: number };
    const item = frame.items[frame.at++];
    if (item === undefined) {
      stack.pop();
    } else if (item.kind === 'diff') {
      out.push(item.difference);
    } else if (item.kind === 'nested') {
      if (!emitted.has(item.target)) {
        emitted.add(item.target);
        stack.push({ items: item.target.items, at: 0 });
      }
    } else if (item.target.tainted) {
      out.push({
        type: 'FIELD_NAMED_TYPE_CHANGED',
        fullPath: item.scope.fullPath,
        path: item.scope.path,
        message: `${item.what} has type ${item.typeName}, which changed incompatibly`,
      });
      // The file walk reports the schema's own types; imported ones only through their fields.
      if (!item.target.walked && !emitted.has(item.target)) {
        emitted.add(item.target);
        stack.push({ items: item.target.items, at: 0 });
      }
    }
  }
  return out;
}

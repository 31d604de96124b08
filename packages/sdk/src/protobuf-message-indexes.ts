import { findProtobufMessage, getProtobufFileInfo, type ParsedSchema } from '@llmsr/validation';

interface Reflected {
  parent: Reflected | null;
  nestedArray?: Reflected[];
}

// A protobufjs Type (message) has fields; enums and services do not. Duck-typed so the SDK needs
// no direct protobufjs dependency.
function isMessage(object: Reflected): boolean {
  return 'fieldsArray' in object;
}

/**
 * Confluent message indexes of a Protobuf message: its position among the message declarations
 * at each nesting level of the schema's own file (`[0]` is the first top-level message;
 * `[1, 0]` the first message nested in the second). `messageName` is a full name, an index path
 * such as `[1,0]`, or absent for the first message.
 */
export function protobufMessageIndexes(parsed: ParsedSchema, messageName?: string): number[] {
  const target = findProtobufMessage(parsed, messageName) as unknown as Reflected;
  const info = getProtobufFileInfo(parsed.native);
  const topLevel = (info?.topLevel ?? []) as unknown as Reflected[];
  const path: number[] = [];
  let current: Reflected | null = target;
  while (current !== null) {
    if (topLevel.includes(current)) {
      path.unshift(topLevel.filter(isMessage).indexOf(current));
      return path;
    }
    const parent: Reflected | null = current.parent;
    const siblings = (parent?.nestedArray ?? []).filter(isMessage);
    path.unshift(siblings.indexOf(current));
    current = parent;
  }
  // Not declared in the schema's own file (an imported type): Confluent cannot index it either.
  throw new TypeError(`message ${messageName ?? '[0]'} is not declared in this schema's file`);
}

import type protobuf from 'protobufjs';
import type { ProtobufDiffSink, ProtobufScope } from './protobuf-diff-sink.js';

function namesByNumber(e: protobuf.Enum): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [name, number] of Object.entries(e.values)) {
    const names = out.get(number);
    if (names === undefined) out.set(number, [name]);
    else names.push(name);
  }
  return out;
}

function isReserved(e: protobuf.Enum, number: number, names: string[]): boolean {
  return (e.reserved ?? []).some((r) =>
    typeof r === 'string' ? names.includes(r) : number >= (r[0] ?? 0) && number <= (r[1] ?? 0),
  );
}

/** Confluent's `EnumDiff`: constants matched by number (added, removed, renamed), plus reserved reuse. */
export function compareProtobufEnums(
  original: protobuf.Enum,
  update: protobuf.Enum,
  scope: ProtobufScope,
  sink: ProtobufDiffSink,
): void {
  if ((original.comment ?? null) !== (update.comment ?? null)) {
    sink.add('DOC_CHANGED', scope, `Documentation of enum '${scope.path}' changed`);
  }
  const before = namesByNumber(original);
  const after = namesByNumber(update);
  for (const number of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(number);
    const b = after.get(number);
    const name = (b ?? a ?? [])[0] ?? String(number);
    const s: ProtobufScope = {
      fullPath: `${scope.fullPath}/${number}`,
      path: `${scope.path}.${name}`,
    };
    if (b === undefined) {
      sink.add('ENUM_CONST_REMOVED', s, `Enum constant ${name} = ${number} removed`);
    } else if (a === undefined) {
      sink.add('ENUM_CONST_ADDED', s, `Enum constant ${name} = ${number} added`);
      if (isReserved(original, number, b)) {
        sink.add(
          'RESERVED_ENUM_VALUE_REUSED',
          s,
          `Enum constant ${name} = ${number} uses a number or name the original schema reserves`,
        );
      }
    } else if ([...a].sort().join(',') !== [...b].sort().join(',')) {
      sink.add(
        'ENUM_CONST_CHANGED',
        s,
        `Enum constant ${number} renamed from ${a.join('/')} to ${b.join('/')}`,
        `${scope.path}.${a[0]}`,
      );
    } else if ((original.comments[name] ?? null) !== (update.comments[name] ?? null)) {
      sink.add('DOC_CHANGED', s, `Documentation of enum constant ${name} changed`);
    }
  }
}

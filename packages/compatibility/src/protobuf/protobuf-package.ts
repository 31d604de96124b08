import protobuf from 'protobufjs';

/** The main file's package namespace in a resolved root, and its dotted name ('' for none). */
export interface ProtobufPackage {
  name: string;
  namespace: protobuf.Namespace;
}

function isPlainNamespace(obj: protobuf.ReflectionObject): obj is protobuf.Namespace {
  return (
    obj instanceof protobuf.Namespace &&
    !(obj instanceof protobuf.Type) &&
    !(obj instanceof protobuf.Service)
  );
}

function holdsDefinitions(ns: protobuf.Namespace): boolean {
  return ns.nestedArray.some((obj) => !isPlainNamespace(obj));
}

/**
 * Finds the package of the schema's own definitions: the plain namespace that directly holds
 * messages, enums or services. Well-known `google.protobuf` types are ignored; when referenced
 * files put several packages in the root, the one holding the most definitions wins.
 */
export function findProtobufPackage(root: protobuf.Root): ProtobufPackage {
  const candidates: protobuf.Namespace[] = [];
  const visit = (ns: protobuf.Namespace, depth: number): void => {
    if (depth > 64) return;
    if (ns.fullName === '.google.protobuf') return;
    if (holdsDefinitions(ns)) candidates.push(ns);
    for (const obj of ns.nestedArray) if (isPlainNamespace(obj)) visit(obj, depth + 1);
  };
  visit(root, 0);
  let best: protobuf.Namespace = root;
  let bestCount = -1;
  for (const ns of candidates) {
    const count = ns.nestedArray.filter((obj) => !isPlainNamespace(obj)).length;
    if (count > bestCount) {
      best = ns;
      bestCount = count;
    }
  }
  return { name: best.fullName.replace(/^\./, ''), namespace: best };
}

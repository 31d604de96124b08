import protobuf from 'protobufjs';

/** The main file's package namespace in a resolved root, and its dotted name ('' for none). */
export interface ProtobufPackage {
  name: string;
  namespace: protobuf.Namespace;
  /** Whether a top-level definition of the package belongs to the schema's own file (not an import). */
  owns(obj: protobuf.ReflectionObject): boolean;
}

/**
 * The `filename` `@llmsr/validation` stamps on the schema's own objects (its `MAIN_FILE`);
 * imported files carry their import path instead.
 */
export const MAIN_PROTO_FILE = '\u0000schema.proto';

function isPlainNamespace(obj: protobuf.ReflectionObject): obj is protobuf.Namespace {
  return (
    obj instanceof protobuf.Namespace &&
    !(obj instanceof protobuf.Type) &&
    !(obj instanceof protobuf.Service)
  );
}

function definitions(ns: protobuf.Namespace): protobuf.ReflectionObject[] {
  return ns.nestedArray.filter((obj) => !isPlainNamespace(obj));
}

function packageOf(ns: protobuf.Namespace, owns: ProtobufPackage['owns']): ProtobufPackage {
  return { name: ns.fullName.replace(/^\./, ''), namespace: ns, owns };
}

/**
 * Finds the package of the schema's own definitions. With `@llmsr/validation`'s file stamps, it
 * is the namespace holding the main file's top-level definitions, and only those are compared
 * (imports sharing the package are not). Otherwise it is the plain namespace holding the most
 * messages, enums or services, well-known `google.protobuf` types aside.
 */
export function findProtobufPackage(root: protobuf.Root): ProtobufPackage {
  const candidates: protobuf.Namespace[] = [];
  let stamped: protobuf.Namespace | undefined;
  const visit = (ns: protobuf.Namespace, depth: number): void => {
    if (depth > 64 || ns.fullName === '.google.protobuf') return;
    const defs = definitions(ns);
    if (defs.length > 0) candidates.push(ns);
    if (stamped === undefined && defs.some((obj) => obj.filename === MAIN_PROTO_FILE)) stamped = ns;
    for (const obj of ns.nestedArray) if (isPlainNamespace(obj)) visit(obj, depth + 1);
  };
  visit(root, 0);
  if (stamped !== undefined) {
    return packageOf(stamped, (obj) => obj.filename === MAIN_PROTO_FILE);
  }
  let best: protobuf.Namespace = root;
  let bestCount = -1;
  for (const ns of candidates) {
    const count = definitions(ns).length;
    if (count > bestCount) {
      best = ns;
      bestCount = count;
    }
  }
  return packageOf(best, () => true);
}

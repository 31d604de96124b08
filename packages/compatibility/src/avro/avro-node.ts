/** Avro primitive type names. */
export type AvroPrimitiveName =
  | 'null'
  | 'boolean'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'bytes'
  | 'string';

/** A record field as schema resolution sees it. */
export interface AvroFieldNode {
  name: string;
  aliases: readonly string[];
  /** Position among the record's fields (Java `Field.pos()`). */
  position: number;
  hasDefault: boolean;
  /** The default value (only meaningful when `hasDefault`). */
  default: unknown;
  doc: string | undefined;
  type: AvroNode;
}

/** A record type; `fields` and `fieldsByName` are filled after creation so that records can recurse. */
export interface AvroRecordNode {
  kind: 'record';
  /** Full name (`ns.Name`). */
  fullName: string;
  /** Aliases as full names. */
  aliases: readonly string[];
  doc: string | undefined;
  fields: AvroFieldNode[];
  fieldsByName: Map<string, AvroFieldNode>;
}

/** An enum type. */
export interface AvroEnumNode {
  kind: 'enum';
  fullName: string;
  aliases: readonly string[];
  doc: string | undefined;
  symbols: readonly string[];
  default: string | undefined;
}

/** A fixed type. */
export interface AvroFixedNode {
  kind: 'fixed';
  fullName: string;
  aliases: readonly string[];
  doc: string | undefined;
  size: number;
}

/**
 * A format-library-independent view of an Avro schema: logical types are reduced to their
 * underlying type (schema resolution ignores them) and named types are shared objects, so a
 * recursive schema is a cyclic graph.
 */
export type AvroNode =
  | { kind: 'primitive'; name: AvroPrimitiveName }
  | AvroRecordNode
  | AvroEnumNode
  | AvroFixedNode
  | { kind: 'array'; items: AvroNode }
  | { kind: 'map'; values: AvroNode }
  | { kind: 'union'; types: readonly AvroNode[] };

/** A named Avro type. */
export type AvroNamedNode = AvroRecordNode | AvroEnumNode | AvroFixedNode;

/** The Java `Schema.Type` name of a node (`RECORD`, `INT`, ...), as Avro messages print it. */
export function avroTypeLabel(node: AvroNode): string {
  return (node.kind === 'primitive' ? node.name : node.kind).toUpperCase();
}

/** The unqualified part of a full name (`ns.User` -> `User`). */
export function avroShortName(fullName: string): string {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? fullName : fullName.slice(dot + 1);
}

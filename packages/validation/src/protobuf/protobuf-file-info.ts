import type protobuf from 'protobufjs';

/** What the printer and message lookup need to know about the schema's own `.proto` file. */
export interface ProtobufFileInfo {
  /** `proto2`, `proto3` or an edition such as `2023`. */
  syntax: string;
  /** Whether the file declared `edition = ...` rather than `syntax = ...`. */
  isEdition: boolean;
  package: string | undefined;
  imports: string[];
  /** The subset of `imports` declared `import public`. */
  publicImports: string[];
  weakImports: string[];
  /**
   * File-level options as protobufjs flattens them (`(opt).a.b`; a list keeps only its last
   * element), copied before other files sharing the package could overwrite them.
   */
  options: Record<string, unknown>;
  /**
   * File-level options as declared, in order, one `{ name: value }` per option statement with
   * aggregate values whole (lists included); copied like `options`.
   */
  parsedOptions: Array<Record<string, unknown>>;
  /** Top-level messages, enums and services of the file, in declaration order. */
  topLevel: protobuf.ReflectionObject[];
  source: string;
}

const infos = new WeakMap<object, ProtobufFileInfo>();

/** Remembers the file facts of a parsed schema's Root. */
export function setProtobufFileInfo(root: protobuf.Root, info: ProtobufFileInfo): void {
  infos.set(root, info);
}

/** The file facts of a Root produced by the Protobuf format, or `undefined`. */
export function getProtobufFileInfo(root: unknown): ProtobufFileInfo | undefined {
  return root !== null && typeof root === 'object' ? infos.get(root) : undefined;
}

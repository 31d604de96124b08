import type { RegistryClient, SchemaReference, SchemaType } from '@llmsr/sdk';

/** One exported subject version: a line of the NDJSON export. */
export interface ExportedVersion {
  subject: string;
  version: number;
  id: number;
  semver: string | null;
  schema_type: SchemaType;
  /** The registry's content fingerprint, so an import can tell the same version from a clash. */
  fingerprint: string;
  /** A JSON value (JSON Schema, Avro) or `.proto` text. */
  schema: unknown;
  references: SchemaReference[];
  metadata: unknown;
  compatibility_level: string | null;
}

/** Options of {@link exportRegistry}. */
export interface ExportOptions {
  /** Receives each version, in import order. */
  write(version: ExportedVersion): void | Promise<void>;
  /** Called after each subject is read. */
  onProgress?(subjects: number, versions: number): void;
}

/**
 * Read every live version of every subject and hand them to `write` sorted by schema id, then
 * subject and version, so a schema is always imported after the ones it references.
 */
export async function exportRegistry(
  client: RegistryClient,
  options: ExportOptions,
): Promise<{ subjects: number; versions: number }> {
  const subjects = await client.listSubjects();
  const all: ExportedVersion[] = [];
  for (const subject of subjects) {
    for (const version of await client.listVersions(subject)) {
      all.push({
        subject: version.subject,
        version: version.version,
        id: version.id,
        semver: version.semver,
        schema_type: version.schemaType,
        fingerprint: version.fingerprint,
        schema: version.schema,
        references: version.references,
        metadata: version.metadata,
        compatibility_level: version.compatibilityLevel,
      });
    }
    options.onProgress?.(subjects.indexOf(subject) + 1, all.length);
  }
  all.sort(
    (a, b) =>
      a.id - b.id ||
      (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) ||
      a.version - b.version,
  );
  for (const version of all) await options.write(version);
  return { subjects: subjects.length, versions: all.length };
}

import type { SchemaReference, SchemaStore } from '@llmsr/storage';
import type { ResolvedReference } from '@llmsr/validation';
import { RegistryError } from './registry-error.js';

const MAX_REFERENCES = 1_000;
const MAX_DEPTH = 64;

/**
 * Check the shape of client-given references.
 * @throws RegistryError `INVALID_INPUT` naming the bad entry.
 */
export function parseReferences(value: unknown): SchemaReference[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new RegistryError('INVALID_INPUT', 'references must be an array', {
      field: 'references',
    });
  }
  if (value.length > MAX_REFERENCES) {
    throw new RegistryError('INVALID_INPUT', `At most ${MAX_REFERENCES} references are allowed`, {
      field: 'references',
    });
  }
  return value.map((entry: unknown, index) => {
    const ref = entry as Record<string, unknown> | null;
    const version = typeof ref?.version === 'string' ? Number(ref.version) : ref?.version;
    if (
      typeof ref !== 'object' ||
      ref === null ||
      typeof ref.name !== 'string' ||
      ref.name === '' ||
      typeof ref.subject !== 'string' ||
      ref.subject === '' ||
      typeof version !== 'number' ||
      !Number.isInteger(version) ||
      (version < 1 && version !== -1)
    ) {
      throw new RegistryError(
        'INVALID_INPUT',
        `references[${index}] must be { name, subject, version } with a positive integer version`,
        { field: `references[${index}]` },
      );
    }
    return { name: ref.name, subject: ref.subject, version };
  });
}

/**
 * Load the referenced schemas (transitively) so a parser can resolve them.
 * A missing reference or a cycle is an invalid schema that names the reference.
 * A version of -1 means the subject's latest version, pinned at registration.
 * `includeDeleted` also follows soft-deleted versions (a stored schema keeps its meaning).
 */
export async function resolveReferences(
  store: SchemaStore,
  references: SchemaReference[],
  options: { includeDeleted?: boolean } = {},
  path: string[] = [],
): Promise<ResolvedReference[]> {
  const resolved: ResolvedReference[] = [];
  for (const reference of references) {
    const key = `${reference.subject}:${reference.version}`;
    if (path.includes(key) || path.length >= MAX_DEPTH) {
      throw new RegistryError(
        'INVALID_SCHEMA',
        `Reference cycle or chain too deep at '${reference.name}' (${[...path, key].join(' -> ')})`,
        { reference, chain: [...path, key] },
      );
    }
    const version =
      reference.version === -1
        ? await store.getLatestVersion(reference.subject)
        : await store.getVersion(reference.subject, reference.version, options);
    if (!version) {
      throw new RegistryError(
        'INVALID_SCHEMA',
        `Reference '${reference.name}' points at ${reference.subject} version ${reference.version}, which does not exist`,
        { reference },
      );
    }
    const record = version.schemaRecord;
    resolved.push({
      name: reference.name,
      subject: version.subject,
      version: version.version,
      schemaType: record.schemaType,
      schema: record.schema,
      references: await resolveReferences(store, record.references, options, [...path, key]),
    });
  }
  return resolved;
}

import { RegistryClientError, type SchemaReference, type SchemaType } from '@llmsr/sdk';
import { endpointHeaders, type RegistryEndpoint } from './registry-endpoint.js';

/** One exported subject version: a `kind: "version"` line of the NDJSON export. */
export interface ExportedVersion {
  kind: 'version';
  subject: string;
  version: number;
  id: number;
  guid: string;
  semver: string | null;
  schema_type: SchemaType;
  /** The registry's content fingerprint, so an import can tell the same version from a clash. */
  fingerprint: string;
  /** The schema text exactly as registered. */
  schema: string;
  references: SchemaReference[];
  metadata: unknown;
  compatibility_level: string | null;
  created_at: string;
  created_by: string | null;
  /** Soft-deleted in the source: the import deletes it again after registering it. */
  deleted: boolean;
  deleted_at: string | null;
}

/** A config (per subject, or global with `subject: null`): level, mode and every extra field. */
export interface ExportedConfig {
  kind: 'config';
  subject: string | null;
  compatibility_level: string | null;
  mode: string | null;
  extra: Record<string, unknown>;
}

/** A stored resource of another package (variable spaces, ...). */
export interface ExportedResource {
  kind: 'resource';
  resource_kind: string;
  id: string;
  document: unknown;
}

/** A line of the export. */
export type ExportedLine = ExportedVersion | ExportedConfig | ExportedResource;

/** Options of {@link exportRegistry}. */
export interface ExportOptions {
  /** Receives each line, in import order. */
  write(line: ExportedLine): void | Promise<void>;
  /** Called after each line with the subjects and versions seen so far. */
  onProgress?(subjects: number, versions: number): void;
}

/** An export can take a while on a large registry; a stalled one still ends. */
const EXPORT_TIMEOUT_MS = 600_000;

/**
 * Read everything the registry holds from `GET /api/v1/export` and hand it to `write` line by
 * line, in the order an import replays it: every version (soft-deleted ones too) by schema id,
 * subject and version, so a schema comes after the ones it references; then configs and
 * resources; the global config last.
 */
export async function exportRegistry(
  endpoint: RegistryEndpoint,
  options: ExportOptions,
): Promise<{ subjects: number; versions: number; configs: number; resources: number }> {
  const text = await fetchExport(endpoint);
  const subjects = new Set<string>();
  const counts = { versions: 0, configs: 0, resources: 0 };
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const line = JSON.parse(raw) as ExportedLine;
    if (line.kind === 'version') {
      subjects.add(line.subject);
      counts.versions += 1;
    } else if (line.kind === 'config') counts.configs += 1;
    else counts.resources += 1;
    await options.write(line);
    options.onProgress?.(subjects.size, counts.versions);
  }
  return { subjects: subjects.size, ...counts };
}

async function fetchExport(endpoint: RegistryEndpoint): Promise<string> {
  const path = '/api/v1/export';
  const headers = await endpointHeaders(endpoint);
  let response: Response;
  try {
    response = await fetch(`${endpoint.url.replace(/\/+$/, '')}${path}`, {
      headers,
      signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS),
    });
  } catch (error) {
    const timeout = (error as Error).name === 'TimeoutError';
    throw new RegistryClientError(
      timeout ? 'TIMEOUT' : 'NETWORK_ERROR',
      timeout ? `GET ${path} timed out` : `GET ${path} failed: ${(error as Error).message}`,
      undefined,
      {},
      { cause: error },
    );
  }
  const text = await response.text();
  if (!response.ok) {
    let body: { error_code?: unknown; message?: unknown } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Not an llmsr error body: report the status.
    }
    throw new RegistryClientError(
      typeof body.error_code === 'string' ? body.error_code : 'HTTP_ERROR',
      typeof body.message === 'string' ? body.message : `GET ${path} answered ${response.status}`,
      response.status,
      {},
    );
  }
  return text;
}

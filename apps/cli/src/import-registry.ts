import { isRegistryClientError, type RegistryClient } from '@llmsr/sdk';
import {
  type ImportLine,
  LineError,
  parseImportLine,
  type StateLine,
} from './parse-import-line.js';
import type { RegistryEndpoint } from './registry-endpoint.js';
import { sendJsonRequest } from './send-json-request.js';

/** A line of the import that could not be applied. */
export interface ImportFailure {
  line: number;
  subject: string | undefined;
  version: number | undefined;
  code: string;
  message: string;
}

/** What an import did. */
export interface ImportSummary {
  imported: number;
  skipped: number;
  failed: ImportFailure[];
  /** The global mode before the import, which was restored. */
  previousMode: string;
}

/** Options of {@link importRegistry}. */
export interface ImportOptions {
  client: RegistryClient;
  /** Where the raw requests (IMPORT-mode registration, config lines) go, with which credentials. */
  endpoint: RegistryEndpoint;
  /** NDJSON lines, as written by `exportRegistry`. */
  lines: AsyncIterable<string>;
  onProgress?(summary: Omit<ImportSummary, 'previousMode'>): void;
  /** Called when the registry was already in IMPORT mode (most likely an interrupted import). */
  onWarning?(message: string): void;
}

/**
 * Import an export into a registry with ids and versions preserved: switch the global mode to
 * IMPORT, register each version line with its `id` and `version_number` (and soft-delete it again
 * when it was deleted in the source), skip versions that already exist with the same id (so a
 * re-run after an interruption picks up where it stopped), apply config and resource lines through
 * `POST /api/v1/import`, then put back the global config: the exported one when the export has
 * it, else the mode the registry had. A line that cannot be applied is recorded and the import goes on.
 */
export async function importRegistry(options: ImportOptions): Promise<ImportSummary> {
  const { client, endpoint } = options;
  const before = await client.getConfig();
  let previousMode: string = before.mode ?? 'READWRITE';
  if (previousMode === 'IMPORT') {
    options.onWarning?.(
      'the registry is already in IMPORT mode (an interrupted import?); it will be set to READWRITE afterwards',
    );
    previousMode = 'READWRITE';
  }
  const existing = new Map<string, Map<number, Present>>();
  const summary = { imported: 0, skipped: 0, failed: [] as ImportFailure[] };
  // The exported global config is applied last: its mode (READONLY, say) would stop the import.
  let globalConfig: { line: StateLine; number: number } | undefined;
  const levels = new SubjectLevels(endpoint);
  await client.setConfig({ mode: 'IMPORT' });
  try {
    let lineNumber = 0;
    for await (const text of options.lines) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      let line: ImportLine | StateLine | undefined;
      try {
        line = parseImportLine(text);
        if (line.kind !== 'version') {
          if (line.global) globalConfig = { line, number: lineNumber };
          else if (await applyStateLine(endpoint, line)) summary.imported += 1;
          if (line.kind === 'config' && line.label !== null) levels.configured(line.label);
          else summary.skipped += 1;
          options.onProgress?.(summary);
          continue;
        }
        let versions = existing.get(line.subject);
        if (!versions) {
          versions = await existingVersions(client, line.subject);
          existing.set(line.subject, versions);
        }
        const present = versions.get(line.version);
        if (present === undefined) {
          if (typeof line.record.compatibility_level === 'string') {
            await levels.ensure(line.subject, line.record.compatibility_level);
          }
          await registerLine(endpoint, line);
          versions.set(line.version, {
            id: line.id,
            fingerprint: line.fingerprint,
            deleted: false,
          });
          // Deleted at once, in id order: a later version may hold the same content again.
          if (line.deleted) await softDelete(endpoint, line, versions);
          summary.imported += 1;
        } else if (isSameVersion(present, line)) {
          if (line.deleted && !present.deleted) await softDelete(endpoint, line, versions);
          summary.skipped += 1;
        } else {
          throw new LineError(
            'VERSION_CONFLICT',
            present.id === line.id
              ? `version ${line.version} already exists with id ${present.id} but other content`
              : `version ${line.version} already exists with id ${present.id}, not ${line.id}`,
          );
        }
      } catch (error) {
        if (isRegistryClientError(error) && error.status === undefined) throw error;
        summary.failed.push({
          line: lineNumber,
          subject:
            line === undefined
              ? undefined
              : line.kind === 'version'
                ? line.subject
                : (line.label ?? 'global config'),
          version: line?.kind === 'version' ? line.version : undefined,
          code: error instanceof LineError || isRegistryClientError(error) ? error.code : 'ERROR',
          message: (error as Error).message,
        });
      }
      options.onProgress?.(summary);
    }
  } finally {
    await levels.restore();
    if (globalConfig) {
      try {
        await applyStateLine(endpoint, globalConfig.line);
        summary.imported += 1;
        previousMode = String(globalConfig.line.record.mode ?? 'READWRITE');
      } catch (error) {
        summary.failed.push({
          line: globalConfig.number,
          subject: 'global config',
          version: undefined,
          code: isRegistryClientError(error) ? error.code : 'ERROR',
          message: (error as Error).message,
        });
        globalConfig = undefined;
      }
    }
    if (!globalConfig) {
      await restoreMode(
        client,
        endpoint,
        before.mode === null && before.compatibilityLevel === null,
        previousMode,
      );
    }
  }
  return { ...summary, previousMode };
}

/**
 * Each version records the level in force when it was registered. To keep the exported one, a
 * subject's level is set to it before registering; afterwards the subject's exported config
 * replaces it, or, without one, its own level is put back as it was (Confluent's
 * `DELETE /config/{s}` clears only the level, keeping a mode).
 */
class SubjectLevels {
  private readonly state = new Map<
    string,
    { effective: string; own: string | null; touched: boolean }
  >();
  private readonly withConfig = new Set<string>();

  constructor(private readonly endpoint: RegistryEndpoint) {}

  async ensure(subject: string, level: string): Promise<void> {
    let state = this.state.get(subject);
    if (!state) {
      const config = (await sendJsonRequest(
        this.endpoint,
        'GET',
        `/api/v1/config/${encodeURIComponent(subject)}`,
      )) as { compatibility_level?: string | null; effective_compatibility_level?: string };
      state = {
        effective: config.effective_compatibility_level ?? 'BACKWARD',
        own: config.compatibility_level ?? null,
        touched: false,
      };
      this.state.set(subject, state);
    }
    if (state.effective === level) return;
    await sendJsonRequest(this.endpoint, 'PUT', `/api/v1/config/${encodeURIComponent(subject)}`, {
      compatibility_level: level,
    });
    state.effective = level;
    state.touched = true;
  }

  /** The subject's exported config was applied: it wins over anything set here. */
  configured(subject: string): void {
    this.withConfig.add(subject);
  }

  async restore(): Promise<void> {
    for (const [subject, state] of this.state) {
      if (!state.touched || this.withConfig.has(subject)) continue;
      const path = `/config/${encodeURIComponent(subject)}`;
      if (state.own === null) await sendJsonRequest(this.endpoint, 'DELETE', path);
      else {
        await sendJsonRequest(this.endpoint, 'PUT', `/api/v1${path}`, {
          compatibility_level: state.own,
        });
      }
    }
  }
}

/** A version already in the target registry. */
interface Present {
  id: number;
  fingerprint: string | undefined;
  deleted: boolean;
}

/** Apply a config or resource line; false when the registry already held it. */
async function applyStateLine(endpoint: RegistryEndpoint, line: StateLine): Promise<boolean> {
  const answer = (await sendJsonRequest(endpoint, 'POST', '/api/v1/import', line.record)) as
    | { outcome?: unknown }
    | undefined;
  return answer?.outcome !== 'skipped';
}

async function softDelete(
  endpoint: RegistryEndpoint,
  line: ImportLine,
  versions: Map<number, Present>,
): Promise<void> {
  await sendJsonRequest(
    endpoint,
    'DELETE',
    `/api/v1/subjects/${encodeURIComponent(line.subject)}/versions/${line.version}`,
  );
  versions.set(line.version, { id: line.id, fingerprint: line.fingerprint, deleted: true });
}

/** Same id, and same content when the export line carries a fingerprint. */
function isSameVersion(present: Present, line: ImportLine): boolean {
  if (present.id !== line.id) return false;
  return (
    line.fingerprint === undefined ||
    present.fingerprint === undefined ||
    present.fingerprint === line.fingerprint
  );
}

async function existingVersions(
  client: RegistryClient,
  subject: string,
): Promise<Map<number, Present>> {
  try {
    const versions = await client.listVersions(subject, { deleted: true });
    return new Map(
      versions.map((version) => [
        version.version,
        { id: version.id, fingerprint: version.fingerprint, deleted: version.deletedAt != null },
      ]),
    );
  } catch (error) {
    if (isRegistryClientError(error) && error.status === 404) return new Map();
    throw error;
  }
}

async function registerLine(endpoint: RegistryEndpoint, line: ImportLine): Promise<void> {
  const { record } = line;
  const semver = typeof record.semver === 'string' ? record.semver : undefined;
  const body = {
    subject: line.subject,
    schema: record.schema,
    ...(typeof record.schema_type === 'string' ? { schema_type: record.schema_type } : {}),
    ...(Array.isArray(record.references) ? { references: record.references } : {}),
    ...(record.metadata == null ? {} : { metadata: record.metadata }),
    ...(typeof record.created_by === 'string' ? { created_by: record.created_by } : {}),
    id: line.id,
    version_number: line.version,
  };
  let answer: { id?: unknown; version?: unknown; semver?: unknown } | undefined;
  try {
    answer = (await sendJsonRequest(endpoint, 'POST', '/api/v1/schemas', {
      ...body,
      ...(semver === undefined ? {} : { version: semver }),
    })) as typeof answer;
  } catch (error) {
    // The source may hold a semver no higher than a soft-deleted version's (it numbers a subject
    // whose versions are all deleted from 1.0.0 again); the registry would refuse to be told it,
    // so let it compute the semver and check that it is the same.
    if (!isRegistryClientError(error) || error.code !== 'INVALID_VERSION') throw error;
    answer = (await sendJsonRequest(endpoint, 'POST', '/api/v1/schemas', body)) as typeof answer;
    if (semver !== undefined && answer?.semver !== semver) {
      throw new LineError(
        'SEMVER_CHANGED',
        `registered with semver ${String(answer?.semver)}: ${error.message}`,
      );
    }
  }
  if (answer?.id !== line.id || answer?.version !== line.version) {
    // The registry kept an earlier version of the same schema in this subject instead.
    throw new LineError(
      'NOT_PRESERVED',
      `registered as id ${String(answer?.id)} version ${String(answer?.version)}`,
    );
  }
}

async function restoreMode(
  client: RegistryClient,
  endpoint: RegistryEndpoint,
  hadNoConfig: boolean,
  mode: string,
): Promise<void> {
  // Deleting leaves the registry exactly as it was when it had no global config at all.
  if (hadNoConfig) await sendJsonRequest(endpoint, 'DELETE', '/api/v1/config');
  else await client.setConfig({ mode });
}

/** A parsed version line of an export (lines without `kind` are versions, as older exports wrote). */
export interface ImportLine {
  kind: 'version';
  subject: string;
  version: number;
  id: number;
  fingerprint: string | undefined;
  /** Soft-deleted in the source. */
  deleted: boolean;
  record: Record<string, unknown>;
}

/** A config or resource line, applied as is by `POST /api/v1/import`. */
export interface StateLine {
  kind: 'config' | 'resource';
  /** The config's subject (null: global) or the resource's `kind/id`, for messages. */
  label: string | null;
  global: boolean;
  record: Record<string, unknown>;
}

/** A line that cannot be applied, with a stable code. */
export class LineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parse and check one NDJSON line of an export (`INVALID_LINE` when it is not one). */
export function parseImportLine(text: string): ImportLine | StateLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LineError('INVALID_LINE', `not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineError('INVALID_LINE', 'not a JSON object');
  }
  const record = value as Record<string, unknown>;
  if (record.kind === 'config' || record.kind === 'resource') return stateLine(record);
  if (record.kind !== undefined && record.kind !== 'version') {
    throw new LineError('INVALID_LINE', `unknown kind ${JSON.stringify(record.kind)}`);
  }
  const { subject, version, id } = record;
  if (typeof subject !== 'string' || subject === '') {
    throw new LineError('INVALID_LINE', 'subject must be a non-empty string');
  }
  for (const [name, field] of [
    ['version', version],
    ['id', id],
  ] as const) {
    if (typeof field !== 'number' || !Number.isSafeInteger(field) || field < 1) {
      throw new LineError('INVALID_LINE', `${name} must be a positive integer`);
    }
  }
  if (record.schema === undefined || record.schema === null) {
    throw new LineError('INVALID_LINE', 'schema is missing');
  }
  const fingerprint = typeof record.fingerprint === 'string' ? record.fingerprint : undefined;
  return {
    kind: 'version',
    subject,
    version: version as number,
    id: id as number,
    fingerprint,
    deleted: record.deleted === true,
    record,
  };
}

function stateLine(record: Record<string, unknown>): StateLine {
  if (record.kind === 'config') {
    const { subject } = record;
    if (subject !== null && (typeof subject !== 'string' || subject === '')) {
      throw new LineError('INVALID_LINE', 'a config subject must be null or a non-empty string');
    }
    return { kind: 'config', label: subject, global: subject === null, record };
  }
  const { resource_kind: kind, id } = record;
  if (typeof kind !== 'string' || kind === '' || typeof id !== 'string' || id === '') {
    throw new LineError('INVALID_LINE', 'a resource needs a resource_kind and an id');
  }
  return { kind: 'resource', label: `${kind}/${id}`, global: false, record };
}

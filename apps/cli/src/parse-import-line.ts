/** A parsed line of an export. */
export interface ImportLine {
  subject: string;
  version: number;
  id: number;
  fingerprint: string | undefined;
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
export function parseImportLine(text: string): ImportLine {
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
  return { subject, version: version as number, id: id as number, fingerprint, record };
}

import { randomUUID } from 'node:crypto';
import type {
  ApiKeyQuery,
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  NewApiKey,
  NewAuditRecord,
} from '../auth-records.js';
import { compareCodePoints } from '../compare-code-points.js';
import { normalizePage } from '../normalize-page.js';
import { StorageError } from '../storage-error.js';

/** Newest first by time, then by id descending, as the SQL backends order. */
const newestFirst = (a: { time: string; id: string }, b: { time: string; id: string }): number =>
  compareCodePoints(b.time, a.time) || compareCodePoints(b.id, a.id);

/** Slices one page of an already filtered, ordered list. */
function pageOf<T>(all: T[], options: { limit?: number; offset?: number }): T[] {
  const page = normalizePage(options);
  return all.slice(page.offset, page.limit === undefined ? undefined : page.offset + page.limit);
}

/** The memory backend's `api_keys` and `audit_log` tables. Records are copied in and out. */
export class MemoryAuth {
  readonly #keys = new Map<string, ApiKeyRecord>();
  readonly #audit: AuditRecord[] = [];

  /** Stores a key; throws `ID_CONFLICT` when its id or basic user is taken. */
  createKey(key: NewApiKey): ApiKeyRecord {
    for (const other of this.#keys.values()) {
      if (other.id === key.id || other.basicUser === key.basicUser) {
        throw new StorageError(
          'ID_CONFLICT',
          `API key ${key.id} or its basic user already exists`,
          {
            id: key.id,
          },
        );
      }
    }
    const record: ApiKeyRecord = {
      ...key,
      subjects: [...key.subjects],
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    this.#keys.set(key.id, record);
    return copyKey(record);
  }

  /** A key by id or basic user. */
  findKey(match: { id?: string; basicUser?: string }): ApiKeyRecord | undefined {
    for (const key of this.#keys.values()) {
      if (match.id !== undefined && key.id === match.id) return copyKey(key);
      if (match.basicUser !== undefined && key.basicUser === match.basicUser) return copyKey(key);
    }
    return undefined;
  }

  /** Keys newest first, paged. */
  listKeys(query: ApiKeyQuery): { total: number; items: ApiKeyRecord[] } {
    const all = [...this.#keys.values()]
      .filter((k) => query.includeRevoked === true || k.revokedAt === null)
      .sort((a, b) => compareCodePoints(b.createdAt, a.createdAt) || compareCodePoints(b.id, a.id));
    return { total: all.length, items: pageOf(all, query).map(copyKey) };
  }

  /** Sets `revokedAt`; false when missing or already revoked. */
  revokeKey(id: string): boolean {
    const key = this.#keys.get(id);
    if (!key || key.revokedAt !== null) return false;
    key.revokedAt = new Date().toISOString();
    return true;
  }

  /** Appends one audit entry. */
  appendAudit(entry: NewAuditRecord): AuditRecord {
    const record: AuditRecord = {
      id: randomUUID(),
      time: entry.time ?? new Date().toISOString(),
      principal: entry.principal,
      action: entry.action,
      subject: entry.subject,
      result: entry.result,
      clientAddress: entry.clientAddress,
      details: structuredClone(entry.details),
    };
    this.#audit.push(record);
    return structuredClone(record);
  }

  /** Matching audit entries, newest first, paged. */
  listAudit(query: AuditQuery): { total: number; items: AuditRecord[] } {
    const all = this.#audit
      .filter(
        (r) =>
          (query.principal === undefined || r.principal === query.principal) &&
          (query.action === undefined || r.action === query.action) &&
          (query.subject === undefined || r.subject === query.subject) &&
          (query.result === undefined || r.result === query.result) &&
          (query.since === undefined || r.time >= query.since) &&
          (query.until === undefined || r.time < query.until),
      )
      .sort(newestFirst);
    return { total: all.length, items: pageOf(all, query).map((r) => structuredClone(r)) };
  }

  /** Deletes entries older than `before`; returns how many. */
  deleteAuditBefore(before: string): number {
    const kept = this.#audit.filter((r) => r.time >= before);
    const removed = this.#audit.length - kept.length;
    this.#audit.splice(0, this.#audit.length, ...kept);
    return removed;
  }
}

function copyKey(key: ApiKeyRecord): ApiKeyRecord {
  return { ...key, subjects: [...key.subjects] };
}

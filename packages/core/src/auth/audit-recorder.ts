import type { AuditResult, AuthAction, Principal } from '@llmsr/spec';
import type { AuditQuery, AuditRecord, SchemaStore } from '@llmsr/storage';

/** The change-event type each audit entry is also emitted as. */
export const AUDIT_EVENT = 'audit.recorded';

/** One attempt to record. */
export interface AuditEntry {
  /** Undefined for an anonymous (refused) attempt. */
  principal: Principal | undefined;
  action: AuthAction;
  subject?: string | null | undefined;
  result: AuditResult;
  clientAddress?: string | null | undefined;
  details?: Record<string, unknown>;
}

/** Options of {@link createAuditRecorder}. */
export interface AuditRecorderOptions {
  store: SchemaStore;
  /** How long entries are kept, in days (default 90); 0 or less keeps them forever. */
  retentionDays?: number;
  /** Also append each entry as a change event (default true), as issue 11 asks. */
  emitEvents?: boolean;
  /**
   * Also emit refused attempts as change events (default false): anyone can cause refusals, and
   * each event takes a slot of the bounded event log that stream clients resume from, so a flood
   * of refused requests would push schema changes out of it. Refusals are always stored.
   */
  emitDenied?: boolean;
  /** Called with a failure to record (the request itself is not failed by the audit log). */
  onError?: (error: unknown) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

/** Records mutations and refused attempts, lists them for admins, and prunes by retention. */
export interface AuditRecorder {
  /** Appends an entry; never throws (failures go to `onError`). */
  recordAudit(entry: AuditEntry): Promise<AuditRecord | undefined>;
  list(query?: AuditQuery): Promise<{ total: number; items: AuditRecord[] }>;
  /** Deletes entries older than the retention; returns how many (0 when kept forever). */
  prune(): Promise<number>;
}

/**
 * Create an {@link AuditRecorder}. The principal id (never a request header) is what is stored;
 * text is bounded and stripped of NUL so a hostile subject cannot break or bloat the log.
 *
 * @example
 * ```ts
 * const audit = createAuditRecorder({ store, retentionDays: 30 });
 * await audit.recordAudit({ principal, action: 'schema.register', subject, result: 'ok' });
 * ```
 */
export function createAuditRecorder(options: AuditRecorderOptions): AuditRecorder {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const retentionDays = options.retentionDays ?? 90;

  return {
    async recordAudit(entry) {
      try {
        const record = await store.appendAudit({
          time: now().toISOString(),
          principal: entry.principal?.id ?? 'anonymous',
          action: entry.action,
          subject: entry.subject == null ? null : clean(entry.subject),
          result: entry.result,
          clientAddress: entry.clientAddress == null ? null : clean(entry.clientAddress),
          details: entry.details ?? {},
        });
        if (options.emitEvents !== false && (entry.result !== 'denied' || options.emitDenied)) {
          await store.appendEvent({
            type: AUDIT_EVENT,
            payload: {
              id: record.id,
              principal: record.principal,
              action: record.action,
              subject: record.subject,
              result: record.result,
              at: record.time,
            },
          });
        }
        return record;
      } catch (error) {
        options.onError?.(error);
        return undefined;
      }
    },
    list: (query = {}) => store.listAudit(query),
    async prune() {
      if (!(retentionDays > 0)) return 0;
      const before = new Date(now().getTime() - retentionDays * 86_400_000).toISOString();
      return store.deleteAuditBefore(before);
    },
  };
}

/** At most 1,000 characters, without NUL (PostgreSQL text cannot hold it). */
function clean(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').slice(0, 1_000);
}

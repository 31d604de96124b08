import { compareCodePoints } from '../compare-code-points.js';
import { toJsonValue } from '../json-match.js';
import { normalizePage } from '../normalize-page.js';
import { StorageError } from '../storage-error.js';
import type { ResourceRecord } from '../types.js';

/**
 * The memory backend's `resources` table: JSON documents by (kind, id) with optimistic versions.
 * Documents are stored and returned as JSON round-trips, so callers never share objects with it.
 */
export class MemoryResources {
  readonly #byKind = new Map<string, Map<string, ResourceRecord>>();

  /** One resource, or undefined. */
  get<TDocument>(kind: string, id: string): ResourceRecord<TDocument> | undefined {
    const resource = this.#byKind.get(kind)?.get(id);
    return resource && copy<TDocument>(resource);
  }

  /** The resources of a kind, by id (code-point order), paged. */
  list<TDocument>(
    kind: string,
    options: { limit?: number; offset?: number },
  ): ResourceRecord<TDocument>[] {
    const page = normalizePage(options);
    const all = [...(this.#byKind.get(kind)?.values() ?? [])].sort((a, b) =>
      compareCodePoints(a.id, b.id),
    );
    const end = page.limit === undefined ? undefined : page.offset + page.limit;
    return all.slice(page.offset, end).map((r) => copy<TDocument>(r));
  }

  /** Creates (expected version 0) or updates (expected = current) a resource. */
  put<TDocument>(input: {
    kind: string;
    id: string;
    document: TDocument;
    expectedVersion: number;
  }): ResourceRecord<TDocument> {
    const byId = this.#byKind.get(input.kind) ?? new Map<string, ResourceRecord>();
    const current = byId.get(input.id);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.expectedVersion) {
      throw new StorageError(
        'VERSION_CONFLICT',
        `Resource ${input.kind}/${input.id} is at version ${currentVersion}, not ${input.expectedVersion}`,
        { kind: input.kind, id: input.id, expectedVersion: input.expectedVersion, currentVersion },
      );
    }
    const now = new Date().toISOString();
    const next: ResourceRecord = {
      kind: input.kind,
      id: input.id,
      document: toJsonValue(input.document),
      version: currentVersion + 1,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    byId.set(input.id, next);
    this.#byKind.set(input.kind, byId);
    return copy<TDocument>(next);
  }

  /** Deletes a resource; false when there was none. */
  delete(kind: string, id: string): boolean {
    return this.#byKind.get(kind)?.delete(id) ?? false;
  }

  /** Forgets every resource. */
  clear(): void {
    this.#byKind.clear();
  }
}

function copy<TDocument>(resource: ResourceRecord): ResourceRecord<TDocument> {
  return { ...resource, document: structuredClone(resource.document) as TDocument };
}

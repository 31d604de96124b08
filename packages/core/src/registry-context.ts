import type { SchemaRecord, SchemaStore } from '@llmsr/storage';
import type { CompiledValidator, ParsedSchema } from '@llmsr/validation';
import type { ChangeEmitter } from './change-events.js';
import type { CountingCache } from './counting-cache.js';
import type { JsonSchemaDraft } from './parse-config-extra.js';
import type { SchemaFormats } from './schema-formats.js';
import type { SchemaView } from './types.js';

/**
 * What the registry operations share: the store, the caches and the event hub.
 * @internal
 */
export interface RegistryContext {
  store: SchemaStore;
  /** Schemas by global id: immutable content, dropped only when the id is permanently deleted. */
  schemas: CountingCache<number, SchemaRecord>;
  /** Parsed schemas (with resolved references) by global id. */
  parsed: CountingCache<number, ParsedSchema>;
  /** Compiled validators by `id|strict|messageName`. */
  validators: CountingCache<string, CompiledValidator>;
  /**
   * Schema views by id (content plus the versions using it). Dropped when a version of that
   * schema is registered or deleted, by this process or (seen in the event log) another one.
   */
  views: CountingCache<number, SchemaView>;
  events: ChangeEmitter;
  /** The draft for JSON Schemas without `$schema` when no config sets one. */
  defaultJsonDraft: JsonSchemaDraft;
  startedAt: number;
  /** How schemas are parsed, compiled and compared (JSON Schemas know the ML types). */
  formats: SchemaFormats;
}

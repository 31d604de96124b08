import type { Ajv as AjvCore, Logger, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.js';
import { type JsonDraft, META_SCHEMA_IDS } from './detect-json-draft.js';
import type { PreparedReferences } from './prepare-references.js';

/** How many schemas one ajv instance compiles before it is replaced by a fresh one. */
export const AJV_GENERATION_SIZE = 200;
/** How many reference sets keep a live ajv instance. */
export const MAX_REFERENCE_SETS = 32;

/** Hands out ajv instances for meta-validation and for compiling user schemas. */
export interface AjvPool {
  /** The meta-schema validator of a draft (long-lived: it only validates data). */
  metaValidator(draft: JsonDraft): ValidateFunction;
  /**
   * An instance to compile one schema on. Ajv never frees what it compiled (its code-generation
   * scope keeps every schema and function), so each instance is used for a bounded number of
   * compilations and then dropped; its validators keep working and it is garbage collected
   * once they are.
   */
  acquire(key: AcquireKey): AjvCore;
  /** Compile-time warnings of the current compilation (ajv's logger is redirected here). */
  readonly warnings: string[];
}

/** What an instance must be set up for. */
export interface AcquireKey {
  draft: JsonDraft;
  /** Strict variants need `unevaluatedProperties` on draft-07. */
  strict: boolean;
  references: PreparedReferences | undefined;
}

interface Generation {
  ajv: AjvCore;
  compiles: number;
}

/** Creates a pool; the package uses one shared pool (see `sharedAjvPool`). */
export function createAjvPool(): AjvPool {
  const meta = new Map<JsonDraft, ValidateFunction>();
  const generations = new Map<string, Generation>();
  const warnings: string[] = [];
  const logger: Logger = {
    log: () => {},
    warn: (...args: unknown[]) => {
      if (warnings.length < 50) warnings.push(args.map(String).join(' '));
    },
    error: () => {},
  };

  function fresh(key: AcquireKey): AjvCore {
    const ajv = createAjv(key.draft, { unevaluated: key.strict, logger });
    key.references?.register(ajv, key.strict);
    return ajv;
  }

  return {
    warnings,
    metaValidator(draft) {
      let validate = meta.get(draft);
      if (!validate) {
        const ajv = createAjv(draft);
        validate = ajv.getSchema(META_SCHEMA_IDS[draft]);
        if (!validate) throw new Error(`ajv has no meta-schema for ${draft}`);
        meta.set(draft, validate);
      }
      return validate;
    },
    acquire(key) {
      const id = `${key.draft}|${key.strict ? 's' : 'n'}|${key.references?.key ?? ''}`;
      let generation = generations.get(id);
      if (!generation || generation.compiles >= AJV_GENERATION_SIZE) {
        generation = { ajv: fresh(key), compiles: 0 };
      }
      generation.compiles++;
      // Re-insert so the map's insertion order is least-recently-used first.
      generations.delete(id);
      generations.set(id, generation);
      if (generations.size > MAX_REFERENCE_SETS + 6) {
        const oldest = generations.keys().next().value;
        if (oldest !== undefined) generations.delete(oldest);
      }
      return generation.ajv;
    },
  };
}

/** The pool used by `jsonSchemaFormat`. */
export const sharedAjvPool: AjvPool = createAjvPool();

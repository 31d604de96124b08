import type { Ajv as AjvCore, KeywordDefinition, Logger, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.js';
import { type JsonDraft, META_SCHEMA_IDS } from './detect-json-draft.js';
import type { PreparedReferences } from './prepare-references.js';

/**
 * Hands out ajv instances. Meta-schema validators are long-lived (they only validate data).
 * User schemas are compiled on a fresh instance each: ajv never frees what an instance
 * compiled (its code-generation scope keeps every schema and function) and `$id`s of different
 * schemas collide on a shared instance. A fresh instance costs about 0.3 ms against 0.5-1 ms
 * for the compilation itself, and everything it holds is garbage collected with the validator.
 */
export interface AjvPool {
  /** The meta-schema validator of a draft. */
  metaValidator(draft: JsonDraft): ValidateFunction;
  /** A fresh instance set up for one compilation, references registered. */
  acquire(key: AcquireKey): AjvCore;
  /** Compile-time warnings of the current compilation (ajv's logger writes here). */
  readonly warnings: string[];
  /** Names of the custom keywords every instance has (see {@link AjvPoolOptions.keywords}). */
  readonly keywordNames: ReadonlySet<string>;
}

/** What an instance must be set up for. */
export interface AcquireKey {
  draft: JsonDraft;
  /** Strict variants need `unevaluatedProperties` on draft-07, and strict references. */
  strict: boolean;
  references: PreparedReferences | undefined;
}

/** Most warnings kept for one compilation. */
const MAX_WARNINGS = 50;

/** Options of {@link createAjvPool}: what every user schema may use beyond JSON Schema. */
export interface AjvPoolOptions {
  /**
   * Schemas every compilation can `$ref` by id, resolved from memory (never fetched): for
   * example a vocabulary of well-known types. A user's own references of the same name win.
   */
  knownSchemas?: Readonly<Record<string, object>>;
  /**
   * Custom keywords (ajv definitions) every compilation understands, such as the ones the
   * known schemas use. A keyword's `metaSchema` is checked when a schema using it compiles.
   */
  keywords?: readonly KeywordDefinition[];
}

/**
 * Creates a pool; the package uses one shared pool (see `sharedAjvPool`). Known schemas and
 * keywords are added to every instance the pool hands out, whatever the draft.
 *
 * @example
 * ```ts
 * const pool = createAjvPool({ knownSchemas: { 'https://example.com/prob.json': { type: 'number', maximum: 1 } } });
 * const format = createJsonSchemaFormat(pool);
 * format.parse('{"$ref":"https://example.com/prob.json"}'); // resolves without network access
 * ```
 */
export function createAjvPool(options: AjvPoolOptions = {}): AjvPool {
  const known = Object.entries(options.knownSchemas ?? {}).map(
    ([id, schema]) => [id, withoutDialect(schema)] as const,
  );
  const keywords = withCompiledMetaSchemas(options.keywords ?? []);
  const meta = new Map<JsonDraft, ValidateFunction>();
  const warnings: string[] = [];
  const logger: Logger = {
    log: () => {},
    warn: (...args: unknown[]) => {
      if (warnings.length < MAX_WARNINGS) warnings.push(args.map(String).join(' '));
    },
    error: () => {},
  };
  const keywordNames = new Set(keywords.flatMap((keyword) => [keyword.keyword].flat()));
  return {
    warnings,
    keywordNames,
    metaValidator(draft) {
      let validate = meta.get(draft);
      if (!validate) {
        validate = compileMetaSchema(draft);
        meta.set(draft, validate);
      }
      return validate;
    },
    acquire(key) {
      const ajv = createAjv(key.draft, {
        unevaluated: key.strict,
        logger,
        linearRegexFormat: true,
      });
      for (const keyword of keywords) ajv.addKeyword(keyword);
      key.references?.register(ajv, key.strict);
      // After the user's references, so a reference that claims a known id is the one used.
      for (const [id, schema] of known) {
        if (ajv.schemas[id] === undefined && ajv.refs[id] === undefined) ajv.addSchema(schema, id);
      }
      return ajv;
    },
  };
}

/**
 * Keyword definitions whose `metaSchema` is compiled once, here, instead of by every instance
 * `addKeyword` is called on (three small keywords cost an instance about 0.5 ms otherwise). The
 * caller's definitions are not touched: ajv writes `validateSchema` into the object it is given.
 */
function withCompiledMetaSchemas(keywords: readonly KeywordDefinition[]): KeywordDefinition[] {
  if (keywords.length === 0) return [];
  const ajv = createAjv('2020-12');
  return keywords.map((keyword) => {
    if (keyword.metaSchema === undefined) return { ...keyword };
    const { metaSchema, ...rest } = keyword;
    return { ...rest, validateSchema: ajv.compile(metaSchema) };
  });
}

/**
 * A known schema without its `$schema`: the instance of any draft reads it (ajv would look the
 * dialect up when compiling, and draft-04 to 07 instances do not hold the 2019-09/2020-12 ones).
 * Known schemas are expected to use keywords that mean the same in every draft.
 */
function withoutDialect(schema: object): object {
  if (!Object.hasOwn(schema, '$schema')) return schema;
  const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/** Drafts whose meta-schema asks for unique `enum` values (`uniqueItems` on `enum`). */
const ENUM_UNIQUE_DRAFTS = new Set<JsonDraft>(['draft-04', 'draft-06', 'draft-07']);

/**
 * The meta-schema validator of a draft. Draft-04 to draft-07 meta-schemas say `enum` values
 * are unique, which ajv checks by comparing every pair (100,000 values: minutes); those drafts
 * get a copy without that rule, and `findDuplicateEnum` checks it in linear time instead.
 */
function compileMetaSchema(draft: JsonDraft): ValidateFunction {
  const ajv = createAjv(draft);
  const id = META_SCHEMA_IDS[draft];
  const original = ajv.getSchema(id);
  if (!original) throw new Error(`ajv has no meta-schema for ${draft}`);
  if (!ENUM_UNIQUE_DRAFTS.has(draft)) return original;
  const copy = structuredClone(original.schema) as {
    properties: { enum: Record<string, unknown>; id?: Record<string, unknown> };
    [key: string]: unknown;
  };
  delete copy.properties.enum.uniqueItems;
  // Draft-04 says `id` is a URI but uses `"id": "#name"` itself; ajv-formats' `uri` refuses
  // that, so it is read as the URI reference later drafts call it.
  if (copy.properties.id) copy.properties.id.format = 'uri-reference';
  copy[draft === 'draft-04' ? 'id' : '$id'] = `${id}-linear-enum`;
  return ajv.compile(copy);
}

/** The pool used by `jsonSchemaFormat`. */
export const sharedAjvPool: AjvPool = createAjvPool();

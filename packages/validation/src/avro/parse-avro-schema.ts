import { createHash } from 'node:crypto';
import avro from 'avsc';
import {
  type ParsedSchema,
  type ResolvedReference,
  SchemaParseError,
  type SchemaProblem,
} from '../schema-format.js';
import { avroCanonicalForm } from './avro-canonical-form.js';
import { avroIdentityForm } from './avro-identity-form.js';
import { type AvroCheckContext, checkAvroSchema } from './check-avro-schema.js';
import { parseAvroJson } from './parse-avro-json.js';

/** Referenced schemas in dependency order (deepest first), each once. */
function flattenReferences(references: readonly ResolvedReference[]): ResolvedReference[] {
  const ordered: ResolvedReference[] = [];
  const seen = new Set<string>();
  const visit = (list: readonly ResolvedReference[], depth: number) => {
    if (depth > 64) {
      throw new SchemaParseError('Avro references nest too deeply', [
        { path: '', message: 'references nest more than 64 levels (cycle?)' },
      ]);
    }
    for (const reference of list) {
      const key = `${reference.name}\u0000${reference.subject}\u0000${reference.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      visit(reference.references ?? [], depth + 1);
      ordered.push(reference);
    }
  };
  visit(references, 0);
  return ordered;
}

function fail(problems: SchemaProblem[]): never {
  const first = problems[0]!;
  const where = first.path === '' ? '' : ` at ${first.path}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new SchemaParseError(`Invalid Avro schema${where}: ${first.message}${more}`, problems);
}

function buildType(json: unknown, registry: Record<string, avro.Type>, where: string): avro.Type {
  try {
    return avro.Type.forSchema(json as avro.Schema, { registry });
  } catch (error) {
    const message =
      error instanceof RangeError ? 'schema is too deeply nested' : (error as Error).message;
    return fail([{ path: where, message }]);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Parses and checks an Avro schema text with the named types of its references (registered
 * first, transitively), returning its identity canonical form (see {@link avroIdentityForm})
 * and that form's SHA-256 as `fingerprint`, the SHA-256 of the Parsing Canonical Form as
 * `pcfFingerprint` (wire-compatibility lookups, never the identity), and the avsc type.
 * Throws {@link SchemaParseError} with field paths for every problem found.
 */
export function parseAvroSchema(
  text: string,
  references: readonly ResolvedReference[] = [],
): ParsedSchema {
  const ordered = flattenReferences(references);
  const ctx: AvroCheckContext = { named: new Map(), problems: [] };
  const referenced: Array<{ json: unknown; where: string }> = [];
  for (const reference of ordered) {
    const where = `reference ${reference.name}`;
    if (reference.schemaType !== 'AVRO') {
      ctx.problems.push({
        path: where,
        message: `referenced schema is ${reference.schemaType}, not AVRO`,
      });
      continue;
    }
    const json = parseAvroJson(reference.schema, where);
    const problems: SchemaProblem[] = [];
    checkAvroSchema(json, { named: ctx.named, problems });
    for (const problem of problems) {
      ctx.problems.push({ ...problem, path: `${where}: ${problem.path}` });
    }
    referenced.push({ json, where });
  }
  const knownNames = [...ctx.named.keys()];
  const json = parseAvroJson(text);
  checkAvroSchema(json, ctx);
  if (ctx.problems.length > 0) fail(ctx.problems);

  const registry: Record<string, avro.Type> = {};
  for (const { json: refJson, where } of referenced) buildType(refJson, registry, where);
  const type = buildType(json, registry, '');
  const canonical = avroIdentityForm(json);
  const pcf = avroCanonicalForm(json, knownNames);
  return {
    schemaType: 'AVRO',
    canonical,
    fingerprint: sha256(canonical),
    pcfFingerprint: sha256(pcf),
    native: type,
    references: [...references],
  };
}

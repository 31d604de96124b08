import { type CompareContext, issue, nest, type Violations } from './compare-context.js';
import { compareSchemas } from './compare-schemas.js';
import { describeSchema, describeShape } from './describe-schema.js';
import type { SchemaShape, ShapePart } from './schema-shape.js';
import { structuralKey } from './structural-key.js';

type Combination = Extract<SchemaShape, { parts: ShapePart[] }>;

/** A dereferenced schema and its shape. @internal */
export interface Side {
  schema: unknown;
  shape: SchemaShape;
}

/**
 * Compare when either side is a combination (`allOf`/`anyOf`/`oneOf`, type lists) or a `not`.
 * Reader `allOf` and writer unions are split exactly; a reader union or writer `allOf` is
 * satisfied by one matching member (sufficient, and what Confluent checks too).
 * @internal
 */
export function compareCombined(context: CompareContext, writer: Side, reader: Side): Violations {
  const w = writer.shape;
  const r = reader.shape;
  if (r.kind === 'allOf') return readerAllOf(context, writer, r);
  if (w.kind === 'anyOf' || w.kind === 'oneOf') return writerUnion(context, w, reader);
  if (r.kind === 'anyOf' || r.kind === 'oneOf') return readerUnion(context, writer, reader, r);
  if (w.kind === 'allOf') return writerAllOf(context, w, reader);
  if (w.kind === 'not' && r.kind === 'not') {
    // not A ⊆ not B exactly when B ⊆ A: compare the negated schemas the other way round.
    const swapped: CompareContext = {
      ...context,
      writer: context.reader,
      reader: context.writer,
      labels: { reader: context.labels.writer, writer: context.labels.reader },
    };
    const inner = compareSchemas(swapped, r.negated, w.negated);
    context.depth = swapped.depth;
    context.steps = swapped.steps;
    if (inner.length === 0) return [];
    return issue(
      context,
      'NOT_TYPE_EXTENDED',
      ({ reader, writer }) =>
        `The ${reader} schema's 'not' excludes values the ${writer} schema allowed`,
      "keep the old 'not' schema, or make the new one exclude less",
    );
  }
  if (r.kind === 'not') {
    return issue(
      context,
      'TYPE_CHANGED',
      ({ reader, writer }) =>
        `The ${reader} schema adds a 'not' constraint that ${writer} data may violate`,
    );
  }
  return issue(
    context,
    'TYPE_CHANGED',
    ({ reader, writer }) =>
      `The ${writer} schema accepts ${describeShape(w)}; the ${reader} schema requires ${describeShape(r)}`,
  );
}

function readerAllOf(context: CompareContext, writer: Side, r: Combination): Violations {
  const out: Violations = [];
  const w = writer.shape;
  const writerParts = w.kind === 'allOf' ? w.parts.length : 0;
  r.parts.forEach((part, index) => {
    const found = compareSchemas(context, writer.schema, part.schema);
    if (found.length === 0) return;
    // Against an old allOf, the member at the same position explains the change best.
    const twin = w.kind === 'allOf' ? w.parts.find((each) => each.path === part.path) : undefined;
    if (twin && part.path !== '') {
      const positional = compareSchemas(context, twin.schema, part.schema);
      if (positional.length > 0) {
        out.push(...nest(positional, part.path, twin.path));
        return;
      }
    }
    if (w.kind === 'allOf' && index >= writerParts && part.path !== '') {
      out.push(
        ...nest(
          issue(
            context,
            'PRODUCT_TYPE_EXTENDED',
            ({ reader, writer }) =>
              `The ${reader} allOf adds member ${index}, which ${writer} data may not satisfy`,
            'drop the new allOf member or make it accept all old data',
          ),
          part.path,
          '',
        ),
      );
      return;
    }
    out.push(...nest(found, part.path, ''));
  });
  return out;
}

function writerUnion(context: CompareContext, w: Combination, reader: Side): Violations {
  const r = reader.shape;
  // Old data matching several anyOf members may match several oneOf members: only a
  // single-member anyOf (or oneOf) is safe to switch (Confluent's singleton rule).
  if (w.kind === 'anyOf' && r.kind === 'oneOf' && w.parts.length > 1 && r.parts.length > 1) {
    return issue(
      context,
      'COMBINED_TYPE_CHANGED',
      ({ reader, writer }) =>
        `The ${writer} schema's anyOf is a oneOf in the ${reader} schema: ${writer} data matching several members is rejected`,
      'keep anyOf',
    );
  }
  const out: Violations = [];
  for (const part of w.parts) {
    const found = compareSchemas(context, part.schema, reader.schema);
    if (found.length === 0) continue;
    if (w.parts.length === 1) return nest(found, '', part.path);
    const first = found[0];
    // A member that only got tighter (same type, or same position in both unions): its own
    // reasons say more than "narrowed".
    if (
      first &&
      first.rule !== 'TYPE_CHANGED' &&
      first.rule !== 'SUM_TYPE_NARROWED' &&
      samePosition(part.path, first.path)
    ) {
      out.push(...nest(found, '', part.path));
      continue;
    }
    const reason = first ? ` (${first.rule}: ${first.message})` : '';
    const member = part.path
      ? `${part.path.slice(1).replace('/', ' member ')} (${describeSchema(part.schema)})`
      : describeSchema(part.schema);
    out.push(
      ...nest(
        issue(
          context,
          'SUM_TYPE_NARROWED',
          ({ reader, writer }) =>
            `The ${reader} schema does not accept ${member}${part.path ? ` of the ${writer} schema` : `, which the ${writer} schema allows`}${reason}`,
          `keep accepting ${member} (add it back to the type list or anyOf)`,
        ),
        '',
        part.path,
      ),
    );
  }
  return out;
}

const unionMembers = new WeakMap<object, Set<string>>();

/** True when the union has a member identical to `schema` (a fast path for large unchanged unions). */
function hasIdenticalMember(union: unknown, r: Combination, schema: unknown): boolean {
  const key = structuralKey(schema);
  if (key === undefined || typeof union !== 'object' || union === null) return false;
  let members = unionMembers.get(union);
  if (!members) {
    members = new Set();
    for (const part of r.parts) {
      const memberKey = structuralKey(part.schema);
      if (memberKey !== undefined) members.add(memberKey);
    }
    unionMembers.set(union, members);
  }
  return members.has(key);
}

const MEMBER = /^\/(?:anyOf|oneOf)\/(\d+)(?:\/|$)/;

/** True unless both paths name union members and the members are at different positions. */
function samePosition(writerPath: string, readerPath: string): boolean {
  const writerIndex = MEMBER.exec(writerPath)?.[1];
  const readerIndex = MEMBER.exec(readerPath)?.[1];
  return writerIndex === undefined || readerIndex === undefined || writerIndex === readerIndex;
}

function readerUnion(
  context: CompareContext,
  writer: Side,
  reader: Side,
  r: Combination,
): Violations {
  if (hasIdenticalMember(reader.schema, r, writer.schema)) return [];
  let best: { found: Violations; part: ShapePart } | undefined;
  for (const part of r.parts) {
    const found = compareSchemas(context, writer.schema, part.schema);
    if (found.length === 0) return [];
    // Prefer the member of the same kind: its reasons are the informative ones.
    if (!best || (found[0]?.rule !== 'TYPE_CHANGED' && best.found[0]?.rule === 'TYPE_CHANGED')) {
      best = { found, part };
    }
  }
  if (best && (r.parts.length === 1 || best.found[0]?.rule !== 'TYPE_CHANGED')) {
    return nest(best.found, best.part.path, '');
  }
  return issue(
    context,
    'TYPE_CHANGED',
    (labels) =>
      `No member of the ${labels.reader} schema's ${r.kind} accepts ${describeShape(writer.shape)}, which the ${labels.writer} schema allows`,
  );
}

function writerAllOf(context: CompareContext, w: Combination, reader: Side): Violations {
  if (w.parts.length === 0) return compareSchemas(context, true, reader.schema);
  let best: { found: Violations; part: ShapePart } | undefined;
  for (const part of w.parts) {
    const found = compareSchemas(context, part.schema, reader.schema);
    if (found.length === 0) return [];
    if (!best || found.length < best.found.length) best = { found, part };
  }
  return best ? nest(best.found, '', best.part.path) : [];
}

import { compareCombined } from './compare-combined.js';
import { type CompareContext, issue, type Violations } from './compare-context.js';
import { compareSimple } from './compare-simple.js';
import { isEmptySchema } from './json-keywords.js';
import { shapeOf } from './schema-shape.js';
import { structuralKey } from './structural-key.js';

/**
 * Can every value valid under `writer` (old data) be read by `reader`? Returns the reasons it
 * cannot, with paths relative to the two schemas. `undefined` means "absent" (accepts anything).
 * @internal
 */
export function compareSchemas(
  context: CompareContext,
  writer: unknown,
  reader: unknown,
): Violations {
  // Past the budget, unwind fast; the checker reports SCHEMA_TOO_COMPLEX for the whole check.
  if (++context.steps > context.maxSteps) return [];
  const writerNode = context.writer.deref(writer ?? true);
  const readerNode = context.reader.deref(reader ?? true);
  if (!readerNode.ok) {
    return issue(
      context,
      'REFERENCE_UNRESOLVED',
      ({ reader }) =>
        `The ${reader} schema's $ref '${preview(readerNode.ref)}' does not resolve, so it cannot be checked`,
      'add the referenced schema to the references',
    );
  }
  if (!writerNode.ok) {
    return issue(
      context,
      'REFERENCE_UNRESOLVED',
      ({ writer }) =>
        `The ${writer} schema's $ref '${preview(writerNode.ref)}' does not resolve, so it cannot be checked`,
    );
  }
  const w = writerNode.node;
  const r = readerNode.node;
  if (w === false || isEmptySchema(r)) return [];
  if (typeof w !== 'object' || w === null || typeof r !== 'object' || r === null) {
    return compareUncached(context, w, r);
  }
  // Identical subtrees (the usual case between versions) need no walk; keys are cached per node.
  // Not at the root: whole schemas differ (else the canonical check caught them) and a root key costs a full walk.
  if (context.depth > 0) {
    const key = structuralKey(w);
    if (key !== undefined && key === structuralKey(r)) return [];
  }
  // Pairs recur only through a `$ref` (cycles, shared definitions) or a combination (members are
  // tried against each other more than once); memoizing just those keeps plain trees cheap while
  // nested allOf/anyOf stay polynomial instead of exponential.
  if (w === writer && r === reader && !isCombination(w) && !isCombination(r)) {
    return compareUncached(context, w, r);
  }
  let byReader = context.memo.get(w);
  if (!byReader) {
    byReader = new Map();
    context.memo.set(w, byReader);
  }
  if (byReader.has(r)) {
    // A pair already being compared is assumed compatible (the recursive-type rule).
    return byReader.get(r) ?? [];
  }
  byReader.set(r, null);
  const result = compareUncached(context, w, r);
  byReader.set(r, result);
  return result;
}

function compareUncached(context: CompareContext, writer: unknown, reader: unknown): Violations {
  if (context.depth >= context.maxDepth) {
    return issue(
      context,
      'SCHEMA_TOO_DEEP',
      `Schemas nested deeper than ${context.maxDepth} levels are not checked`,
      'flatten the schema with $defs and $ref',
    );
  }
  context.depth++;
  try {
    return compareShapes(context, writer, reader);
  } finally {
    context.depth--;
  }
}

function compareShapes(context: CompareContext, writer: unknown, reader: unknown): Violations {
  const w = shapeOf(writer);
  const r = shapeOf(reader);
  if (w.kind === 'nothing' || r.kind === 'any') return [];
  if (r.kind === 'nothing') {
    return issue(
      context,
      'TYPE_CHANGED',
      ({ reader }) => `The ${reader} schema rejects every value (false)`,
    );
  }
  if (w.kind === 'simple' && r.kind === 'simple') {
    return compareSimple(context, { node: w.node, type: w.type }, { node: r.node, type: r.type });
  }
  if (w.kind === 'any' && r.kind === 'simple') {
    return compareSimple(context, { node: {}, type: undefined }, { node: r.node, type: r.type });
  }
  return compareCombined(context, { schema: writer, shape: w }, { schema: reader, shape: r });
}

function isCombination(node: object): boolean {
  const schema = node as Record<string, unknown>;
  return schema.allOf !== undefined || schema.anyOf !== undefined || schema.oneOf !== undefined;
}

function preview(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

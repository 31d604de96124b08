import type { IssueSink } from './lint-issue.ts';
import type { ProviderProfile } from './provider-profile.ts';
import type { SchemaGraph, SchemaRef } from './schema-graph.ts';
import { isSchemaObject, pointer, type WalkedNode } from './walk-schema.ts';

/** Checks `$ref`s: external or unresolvable ones, and recursion where the provider limits it. */
export function lintRefs(graph: SchemaGraph, profile: ProviderProfile, sink: IssueSink): void {
  for (const ref of graph.refs) {
    const at = pointer(ref.from.path, '$ref');
    if (ref.external) {
      sink.add({
        rule: 'external-ref',
        path: at,
        severity: 'error',
        message: `"$ref": "${ref.ref}" points outside the schema; ${profile.label} resolves only local references`,
        fix: 'copy the referenced schema into "$defs" and use "#/$defs/<name>"',
      });
      continue;
    }
    if (ref.target === undefined) {
      sink.add({
        rule: 'unresolved-ref',
        path: at,
        severity: 'error',
        message: `"$ref": "${ref.ref}" does not resolve to a schema in this document`,
        fix: 'point the reference at an existing definition',
      });
      continue;
    }
    if (!ref.recursive) continue;
    if (profile.recursion === 'forbidden') {
      sink.add({
        rule: 'recursion',
        path: at,
        severity: 'error',
        message: `recursive schema ("$ref": "${ref.ref}") is not supported by ${profile.label}`,
        fix: 'unroll the recursion to a fixed depth',
      });
    } else if (
      profile.recursion === 'optional-properties-only' &&
      !reachedThroughOptionalProperty(graph, ref)
    ) {
      sink.add({
        rule: 'recursion-in-required',
        path: at,
        severity: 'error',
        message: 'a recursive reference must sit under a non-required property',
        fix: 'remove the property holding the recursion from "required"',
        providerMessage:
          'Cyclic references are unrolled to a limited degree and … may only be used within non-required properties.',
      });
    }
  }
}

/** True when the path from the recursion target down to the `$ref` passes an optional property. */
function reachedThroughOptionalProperty(graph: SchemaGraph, ref: SchemaRef): boolean {
  let node: WalkedNode | undefined = ref.from;
  for (let steps = 0; node !== undefined && steps < graph.walk.nodes.length; steps++) {
    const parent: WalkedNode | undefined =
      node.parent === undefined ? undefined : graph.byObject.get(node.parent);
    if (node.keyword === 'properties' && parent !== undefined && node.name !== undefined) {
      const required = Array.isArray(parent.schema.required) ? parent.schema.required : [];
      if (!required.includes(node.name)) return true;
    }
    if (node === ref.target || parent === undefined || !isSchemaObject(parent.schema)) break;
    node = parent;
  }
  return false;
}

import type { SchemaChange, SchemaDiff } from '../types.js';
import { type AvroNode, type AvroRecordNode, avroShortName, avroTypeLabel } from './avro-node.js';

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A key identifying a union branch across versions: its type, and its short name when named. */
function branchKey(node: AvroNode): string {
  return 'fullName' in node ? `${node.kind}:${avroShortName(node.fullName)}` : avroTypeLabel(node);
}

/**
 * Structural diff of two Avro schemas: fields, symbols and union branches added or removed,
 * types, names, sizes, defaults and aliases changed; doc-only edits are `annotationOnly`.
 * @example
 * diffAvro(avroNodeFromJson(v1), avroNodeFromJson(v2)).changes;
 */
export function diffAvro(previous: AvroNode, next: AvroNode): SchemaDiff {
  const changes: SchemaChange[] = [];
  const seen = new Set<string>();
  const records = new Map<AvroRecordNode, number>();
  const id = (r: AvroRecordNode) => {
    let n = records.get(r);
    if (n === undefined) {
      n = records.size;
      records.set(r, n);
    }
    return n;
  };
  const add = (kind: SchemaChange['kind'], path: string, message: string, annotationOnly = false) =>
    changes.push({ kind, path, message, annotationOnly });

  const walk = (prev: AvroNode, curr: AvroNode, path: string): void => {
    if (
      prev.kind !== curr.kind ||
      (prev.kind === 'primitive' && prev.name !== (curr as typeof prev).name)
    ) {
      add('changed', path, `Type changed from ${avroTypeLabel(prev)} to ${avroTypeLabel(curr)}`);
      return;
    }
    if ('fullName' in prev && 'fullName' in curr) {
      if (prev.fullName !== curr.fullName) {
        add('changed', path, `Name changed from '${prev.fullName}' to '${curr.fullName}'`);
      }
      if (!same([...prev.aliases].sort(), [...curr.aliases].sort())) {
        add('changed', path, `Aliases of '${curr.fullName}' changed`);
      }
      if (prev.doc !== curr.doc) {
        add('changed', path, `Documentation of '${curr.fullName}' changed`, true);
      }
    }
    switch (prev.kind) {
      case 'primitive':
        return;
      case 'array':
        walk(prev.items, (curr as typeof prev).items, path + '[]');
        return;
      case 'map':
        walk(prev.values, (curr as typeof prev).values, path + '{}');
        return;
      case 'fixed': {
        const size = (curr as typeof prev).size;
        if (prev.size !== size)
          add('changed', path, `Fixed size changed from ${prev.size} to ${size}`);
        return;
      }
      case 'enum': {
        const c = curr as typeof prev;
        const before = new Set(prev.symbols);
        const after = new Set(c.symbols);
        for (const s of c.symbols) {
          if (!before.has(s)) add('added', `${path}#${s}`, `Enum symbol '${s}' added`);
        }
        for (const s of prev.symbols) {
          if (!after.has(s)) add('removed', `${path}#${s}`, `Enum symbol '${s}' removed`);
        }
        if (prev.default !== c.default) {
          add('changed', path, `Enum default changed from ${prev.default} to ${c.default}`);
        }
        // Symbols are encoded by position, so reordering the kept ones changes the encoding.
        const keptBefore = prev.symbols.filter((x) => after.has(x)).join(',');
        const keptAfter = c.symbols.filter((x) => before.has(x)).join(',');
        if (keptBefore !== keptAfter) add('changed', path, `Symbols of '${c.fullName}' reordered`);
        return;
      }
      case 'union': {
        const c = curr as typeof prev;
        const before = new Map(prev.types.map((t) => [branchKey(t), t]));
        const after = new Map(c.types.map((t) => [branchKey(t), t]));
        for (const [key, t] of after) {
          const old = before.get(key);
          if (old === undefined) add('added', path, `Union branch ${key} added`);
          else walk(old, t, path);
        }
        for (const key of before.keys()) {
          if (!after.has(key)) add('removed', path, `Union branch ${key} removed`);
        }
        return;
      }
      case 'record':
        walkRecord(prev, curr as AvroRecordNode, path);
        return;
    }
  };

  const walkRecord = (prev: AvroRecordNode, curr: AvroRecordNode, path: string): void => {
    const pair = `${id(prev)}:${id(curr)}`;
    if (seen.has(pair)) return;
    seen.add(pair);
    const matched = new Set<string>();
    const order: string[] = [];
    for (const field of curr.fields) {
      const fp = join(path, field.name);
      const old =
        prev.fieldsByName.get(field.name) ??
        field.aliases.map((a) => prev.fieldsByName.get(a)).find((f) => f !== undefined);
      if (old === undefined) {
        add('added', fp, `Field '${field.name}' added${field.hasDefault ? ' with a default' : ''}`);
        continue;
      }
      matched.add(old.name);
      order.push(old.name);
      if (old.name !== field.name) {
        add('changed', fp, `Field '${old.name}' renamed to '${field.name}'`);
      }
      if (old.hasDefault !== field.hasDefault) {
        add('changed', fp, `Default of '${field.name}' ${field.hasDefault ? 'added' : 'removed'}`);
      } else if (old.hasDefault && !same(old.default, field.default)) {
        add('changed', fp, `Default of '${field.name}' changed`);
      }
      if (!same([...old.aliases].sort(), [...field.aliases].sort())) {
        add('changed', fp, `Aliases of field '${field.name}' changed`);
      }
      if (old.doc !== field.doc) {
        add('changed', fp, `Documentation of field '${field.name}' changed`, true);
      }
      walk(old.type, field.type, fp);
    }
    for (const field of prev.fields) {
      if (!matched.has(field.name)) {
        add('removed', join(path, field.name), `Field '${field.name}' removed`);
      }
    }
    // Field order is the binary layout: readers resolve it, but the encoding changes.
    const kept = prev.fields.filter((f) => matched.has(f.name)).map((f) => f.name);
    if (kept.join('\u0000') !== [...order].join('\u0000')) {
      add('changed', path, `Fields of '${curr.fullName}' reordered`);
    }
  };

  const root = 'fullName' in next ? avroShortName(next.fullName) : '';
  walk(previous, next, root);
  return { changes };
}

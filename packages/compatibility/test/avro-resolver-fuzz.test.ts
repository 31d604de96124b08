import avsc from 'avsc';
import { describe, expect, it } from 'vitest';
import { avroNodeFromType } from '../src/avro/avro-node-from-type.js';
import { checkAvroReaderWriter } from '../src/avro/check-avro-reader-writer.js';

/** A small seeded generator (LCG), so a failure can be replayed. */
function createRandom(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];
const PROMOTIONS: Record<string, string[]> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double', 'int'],
  float: ['double', 'long'],
  string: ['bytes'],
  bytes: ['string'],
};

type Json = unknown;

function createSchemas(rnd: (n: number) => number) {
  const dedupe = (branches: Json[]) => [
    ...new Map(branches.map((b) => [JSON.stringify(b), b])).values(),
  ];
  const generate = (depth: number): Json => {
    const k = depth > 2 ? rnd(8) : rnd(14);
    if (k < 8) return PRIMITIVES[k];
    switch (k) {
      case 8:
        return { type: 'array', items: generate(depth + 1) };
      case 9:
        return { type: 'map', values: generate(depth + 1) };
      case 10: {
        const picked = ['A', 'B', 'C'].filter(() => rnd(2) === 1);
        const symbols = picked.length > 0 ? picked : ['A'];
        return {
          type: 'enum',
          name: `E${rnd(2)}`,
          symbols,
          ...(rnd(3) === 0 ? { default: symbols[0] } : {}),
        };
      }
      case 11:
        return { type: 'fixed', name: `F${rnd(2)}`, size: 1 + rnd(2) };
      case 12:
        return dedupe(Array.from({ length: 1 + rnd(3) }, () => PRIMITIVES[rnd(8)]));
      default: {
        const fields = Array.from({ length: rnd(3) }, (_, i) => ({
          name: `f${rnd(3)}_${i}`,
          type: generate(depth + 1),
        }));
        return { type: 'record', name: `R${depth}${rnd(2)}`, fields };
      }
    }
  };
  /** A likely evolution of `schema`: promotions, widened unions, fields and symbols added or removed. */
  const mutate = (schema: Json, depth: number): Json => {
    if (rnd(4) === 0) return generate(depth);
    if (typeof schema === 'string') {
      const promoted = PROMOTIONS[schema];
      if (promoted !== undefined && rnd(2) === 1) return promoted[rnd(promoted.length)];
      return rnd(3) === 0 ? ['null', schema] : schema;
    }
    if (Array.isArray(schema)) {
      const branches = schema.map((t) => (rnd(3) === 0 ? mutate(t, depth + 1) : t));
      if (rnd(3) === 0) branches.push(PRIMITIVES[rnd(8)]);
      if (rnd(4) === 0) branches.pop();
      return dedupe(branches);
    }
    const o = schema as Record<string, Json> & { fields?: { name: string; type: Json }[] };
    switch (o['type']) {
      case 'array':
        return { ...o, items: mutate(o['items'], depth + 1) };
      case 'map':
        return { ...o, values: mutate(o['values'], depth + 1) };
      case 'enum': {
        const symbols = [...(o['symbols'] as string[])];
        if (rnd(2) === 1) symbols.push('D');
        if (rnd(3) === 0 && symbols.length > 1) symbols.shift();
        return { ...o, symbols, ...(rnd(3) === 0 ? { default: symbols[0] } : {}) };
      }
      case 'fixed':
        return rnd(3) === 0 ? { ...o, size: (o['size'] as number) + 1 } : o;
      default: {
        let fields = (o.fields ?? []).map((f) =>
          rnd(2) === 1 ? { ...f, type: mutate(f.type, depth + 1) } : f,
        );
        if (rnd(3) === 0) fields = fields.slice(1);
        if (rnd(3) === 0)
          fields.push({ name: 'zz', type: 'int', ...(rnd(2) ? { default: 1 } : {}) });
        const first = fields[0];
        if (rnd(4) === 0 && first !== undefined) {
          fields = [
            { ...first, name: 'renamed', aliases: [first.name] } as never,
            ...fields.slice(1),
          ];
        }
        return { ...o, fields };
      }
    }
  };
  return { generate, mutate };
}

function tryType(schema: Json): avsc.Type | undefined {
  try {
    return avsc.Type.forSchema(schema as avsc.Schema, { registry: {} });
  } catch {
    return undefined;
  }
}

describe('Avro resolution against avsc on generated schema pairs', () => {
  it('agrees with avsc createResolver on 5000 seeded reader/writer pairs', () => {
    const rnd = createRandom(20261121);
    const { generate, mutate } = createSchemas(rnd);
    let compared = 0;
    let compatible = 0;
    const disagreements: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const x = generate(0);
      const y = rnd(5) === 0 ? generate(0) : mutate(x, 0);
      const [reader, writer] = i % 2 === 0 ? [x, y] : [y, x];
      const readerType = tryType(reader);
      const writerType = tryType(writer);
      if (readerType === undefined || writerType === undefined) continue;
      compared++;
      const ours =
        checkAvroReaderWriter(avroNodeFromType(readerType), avroNodeFromType(writerType)).length ===
        0;
      if (ours) compatible++;
      let theirs = true;
      try {
        readerType.createResolver(writerType);
      } catch {
        theirs = false;
      }
      if (ours !== theirs) {
        disagreements.push(`${JSON.stringify(reader)} <= ${JSON.stringify(writer)}: ours=${ours}`);
      }
    }
    console.log(
      `avsc createResolver agreement on generated pairs: ${compared - disagreements.length}/${compared} (${compatible} compatible)`,
    );
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(4000);
    expect(compatible).toBeGreaterThan(500);
  });
});

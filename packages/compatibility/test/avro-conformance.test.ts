import type { ParsedSchema } from '@llmsr/validation';
import type { Type } from 'avsc';
import { describe, expect, it } from 'vitest';
import { avroCompatibility } from '../src/avro/avro-compatibility.js';
import { avroNodeFromJson } from '../src/avro/avro-node-from-json.js';
import { checkAvroReaderWriter } from '../src/avro/check-avro-reader-writer.js';
import { type AvroConformanceCase, loadAvroConformanceCases } from './avro-conformance-cases.js';
import { parsedAvro } from './avro-parsed-schema.js';

const cases = loadAvroConformanceCases();

function tryParse(schema: unknown): ParsedSchema | undefined {
  try {
    return parsedAvro(schema);
  } catch {
    return undefined;
  }
}

function withoutNamespaces(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutNamespaces);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key !== 'namespace') out[key] = withoutNamespaces(value);
  }
  return out;
}

function resolvesWithoutNamespaces(c: AvroConformanceCase): boolean {
  const reader = parsedAvro(withoutNamespaces(c.reader)).native as Type;
  const writer = parsedAvro(withoutNamespaces(c.writer)).native as Type;
  try {
    reader.createResolver(writer);
    return true;
  } catch {
    return false;
  }
}

interface Outcome {
  compatible: boolean;
  types: string[];
  /** Whether the pair went through avsc-parsed schemas (false: avsc refuses one side, e.g. `[]`). */
  viaAvsc: boolean;
}

function run(c: AvroConformanceCase): Outcome {
  const reader = tryParse(c.reader);
  const writer = tryParse(c.writer);
  if (reader !== undefined && writer !== undefined) {
    const violations = avroCompatibility.checkReaderWriter(reader, writer);
    return {
      compatible: violations.length === 0,
      types: violations.map((v) => v.rule),
      viaAvsc: true,
    };
  }
  const found = checkAvroReaderWriter(avroNodeFromJson(c.reader), avroNodeFromJson(c.writer));
  return { compatible: found.length === 0, types: found.map((f) => f.type), viaAvsc: false };
}

describe('Avro conformance (Apache Avro Java and Python suites)', () => {
  it('agrees with every reader/writer pair on verdict and incompatibility types', () => {
    let agreed = 0;
    let viaAvsc = 0;
    const disagreements: string[] = [];
    for (const c of cases) {
      const outcome = run(c);
      if (outcome.viaAvsc) viaAvsc++;
      // The Python port keeps incompatibility types as a set; Java keeps every occurrence in order.
      const types = c.suite === 'python' ? [...new Set(outcome.types)].sort() : outcome.types;
      const expected = c.suite === 'python' ? [...new Set(c.types)].sort() : c.types;
      const same =
        outcome.compatible === c.compatible && JSON.stringify(types) === JSON.stringify(expected);
      if (same) agreed++;
      else disagreements.push(`${c.name}: expected ${c.types}, got ${outcome.types}`);
    }
    console.log(
      `Avro conformance: ${agreed}/${cases.length} pairs agree (${viaAvsc} through avsc-parsed schemas, ${cases.length - viaAvsc} from JSON because avsc refuses a side)`,
    );
    expect(disagreements).toEqual([]);
    expect(cases.length).toBeGreaterThan(250);
  });

  it.each(cases.filter((c) => c.suite === 'java' && !c.compatible))(
    'reports Apache Avro Java messages and locations for $name',
    (c) => {
      const found = checkAvroReaderWriter(avroNodeFromJson(c.reader), avroNodeFromJson(c.writer));
      expect(found.map((f) => f.location)).toEqual(c.locations);
      expect(found.map((f) => f.message)).toEqual(c.messages);
    },
  );

  it('gives the same results from avsc types as from the schema JSON', () => {
    let compared = 0;
    for (const c of cases) {
      const reader = tryParse(c.reader);
      const writer = tryParse(c.writer);
      if (reader === undefined || writer === undefined) continue;
      compared++;
      const viaJson = checkAvroReaderWriter(avroNodeFromJson(c.reader), avroNodeFromJson(c.writer));
      const viaType = avroCompatibility.checkReaderWriter(reader, writer);
      expect(
        viaType.map((v) => v.rule),
        c.name,
      ).toEqual(viaJson.map((f) => f.type));
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('agrees with avsc createResolver wherever avsc parses both schemas, except on namespaces', () => {
    let compared = 0;
    let namespaceOnly = 0;
    const disagreements: string[] = [];
    for (const c of cases) {
      const reader = tryParse(c.reader);
      const writer = tryParse(c.writer);
      if (reader === undefined || writer === undefined) continue;
      compared++;
      let resolves = true;
      try {
        (reader.native as Type).createResolver(writer.native as Type);
      } catch {
        resolves = false;
      }
      const ours = avroCompatibility.checkReaderWriter(reader, writer).length === 0;
      // avsc matches named types by full name; Apache Avro compares unqualified names. Such pairs
      // must agree once namespaces are removed, or the disagreement is real.
      if (resolves !== ours && ours && resolvesWithoutNamespaces(c)) {
        namespaceOnly++;
        continue;
      }
      if (resolves !== ours) {
        disagreements.push(
          `${c.name}: ${JSON.stringify(c.reader)} <= ${JSON.stringify(c.writer)} avsc=${resolves} ours=${ours}`,
        );
      }
    }
    console.log(
      `avsc createResolver: ${compared - namespaceOnly - disagreements.length}/${compared} pairs agree, ${namespaceOnly} differ only by avsc's namespace-sensitive name matching`,
    );
    expect(disagreements).toEqual([]);
    expect(namespaceOnly).toBeLessThan(10);
  });
});

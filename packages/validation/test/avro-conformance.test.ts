import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { avroCanonicalForm } from '../src/avro/avro-canonical-form.js';
import { avroFormat } from '../src/avro/avro-format.js';

interface Case {
  source: string;
  reader: unknown;
  writer: unknown;
}

// The extracted suites ship with the repository (see test/conformance/README.md).
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const directory = resolve(repoRoot, 'test/conformance/avro-compatibility');
const files = [
  'java-TestSchemaCompatibility-extracted.json',
  'py-test_compatibility-extracted.json',
].map((file) => join(directory, file));
const schemas = new Map<string, unknown>();
for (const file of files) {
  for (const entry of JSON.parse(readFileSync(file, 'utf8')) as Case[]) {
    for (const schema of [entry.reader, entry.writer]) schemas.set(JSON.stringify(schema), schema);
  }
}

// The Apache Avro (Java and Python) compatibility suites' schemas are all valid schemas, so
// they make a corpus of real-world constructs for the parser and the canonical form.
describe('Avro schemas of the Apache Avro compatibility suites', () => {
  it('has a corpus to check', () => {
    expect(schemas.size).toBeGreaterThan(50);
  });

  it('rejects the empty union the Java suite uses, which avsc cannot represent', () => {
    expect(schemas.has('[]')).toBe(true);
    expect(() => avroFormat.parse('[]')).toThrow(/at least one branch/);
  });

  it.each([...schemas.keys()].filter((text) => text !== '[]'))(
    'parses %s with the Parsing Canonical Form avsc computes and a stable identity',
    (text) => {
      const parsed = avroFormat.parse(text);
      const type = avro.Type.forSchema(JSON.parse(text) as avro.Schema);
      expect(avroCanonicalForm(JSON.parse(text))).toBe(JSON.stringify(type.schema()));
      expect(parsed.pcfFingerprint).toBe(type.fingerprint('sha256').toString('hex'));
      // The identity form is itself a schema with the same identity.
      expect(avroFormat.parse(parsed.canonical).fingerprint).toBe(parsed.fingerprint);
    },
  );
});

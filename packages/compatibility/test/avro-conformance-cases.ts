import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One reader/writer pair from the Apache Avro (Java or Python) compatibility test suites. */
export interface AvroConformanceCase {
  name: string;
  suite: 'java' | 'python';
  reader: unknown;
  writer: unknown;
  compatible: boolean;
  /** Incompatibility types, upper case, in Avro's order. */
  types: string[];
  messages: string[];
  locations: string[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the extracted Avro conformance files live: committed under `test/conformance`. */
export const avroConformanceDir = path.resolve(repoRoot, 'test/conformance/avro-compatibility');

const FILES = {
  java: 'java-TestSchemaCompatibility-extracted.json',
  python: 'py-test_compatibility-extracted.json',
} as const;

interface RawCase {
  source?: string;
  test?: string;
  reader: unknown;
  writer: unknown;
  compatible: boolean;
  incompatibilityTypes?: string[];
  incompatibilities?: string[];
  messages?: string[];
  locations?: string[];
}

/** Loads both suites; the files ship with the repository, so a missing one is an error. */
export function loadAvroConformanceCases(): AvroConformanceCase[] {
  const cases: AvroConformanceCase[] = [];
  for (const [suite, file] of Object.entries(FILES) as ['java' | 'python', string][]) {
    const full = path.join(avroConformanceDir, file);
    const raw = JSON.parse(readFileSync(full, 'utf8')) as RawCase[];
    raw.forEach((c, i) => {
      cases.push({
        name: `${suite} #${i} ${c.source ?? c.test ?? ''}`.trim(),
        suite,
        reader: c.reader,
        writer: c.writer,
        compatible: c.compatible,
        types: (c.incompatibilityTypes ?? c.incompatibilities ?? []).map((t) => t.toUpperCase()),
        messages: c.messages ?? [],
        locations: c.locations ?? [],
      });
    });
  }
  return cases;
}

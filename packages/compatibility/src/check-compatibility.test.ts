import type { ParsedSchema } from '@llmsr/validation';
import { describe, expect, it } from 'vitest';
import { jsonSchema, rawJsonSchema } from '../test/json-schema-fixture.js';
import { checkCompatibility } from './check-compatibility.js';
import { CompatibilityCheckError } from './compatibility-check-error.js';
import { COMPATIBILITY_LEVELS, isCompatibilityLevel } from './compatibility-levels.js';
import { defaultCheckers } from './default-checkers.js';
import type { CompatibilityLevel, FormatCompatibilityChecker, PairViolation } from './types.js';

/** A checker double: records calls and fails when the reader's `rejects` lists the writer's `id`. */
function recordingChecker() {
  const calls: { reader: string; writer: string }[] = [];
  const idOf = (schema: ParsedSchema) => (schema.native as { id: string }).id;
  const checker: FormatCompatibilityChecker = {
    schemaType: 'JSON',
    checkReaderWriter(reader, writer, labels) {
      calls.push({ reader: idOf(reader), writer: idOf(writer) });
      const rejects = (reader.native as { rejects?: string[] }).rejects ?? [];
      if (!rejects.includes(idOf(writer))) return [];
      const violation: PairViolation = {
        rule: 'TEST_RULE',
        path: '#/reader',
        oldPath: '#/writer',
        message: `${labels?.reader} rejects ${labels?.writer}`,
        severity: 'error',
      };
      return [violation];
    },
    diff: () => ({ changes: [] }),
  };
  return { checker, calls };
}

const schema = (id: string, rejects: string[] = []) => rawJsonSchema({ id, rejects });
const history = [
  { version: 3, schema: schema('v3') },
  { version: 2, schema: schema('v2') },
  { version: 1, schema: schema('v1') },
];

function run(level: CompatibilityLevel, candidate: ParsedSchema, previous = history) {
  const { checker, calls } = recordingChecker();
  const report = checkCompatibility({
    schemaType: 'JSON',
    level,
    candidate,
    previous,
    checkers: { JSON: checker },
  });
  return { report, calls };
}

describe('checkCompatibility', () => {
  it('compares BACKWARD with the newest version only, new schema as reader', () => {
    const { report, calls } = run('BACKWARD', schema('new'));
    expect(calls).toEqual([{ reader: 'new', writer: 'v3' }]);
    expect(report).toEqual({
      compatible: true,
      level: 'BACKWARD',
      violations: [],
      comparedVersions: [3],
    });
  });

  it('defaults to BACKWARD', () => {
    const { checker, calls } = recordingChecker();
    const report = checkCompatibility({
      schemaType: 'JSON',
      candidate: schema('new'),
      previous: history,
      checkers: { JSON: checker },
    });
    expect(report.level).toBe('BACKWARD');
    expect(calls).toEqual([{ reader: 'new', writer: 'v3' }]);
  });

  it('compares BACKWARD_TRANSITIVE with every version, newest first', () => {
    const { report, calls } = run('BACKWARD_TRANSITIVE', schema('new', ['v1']));
    expect(calls.map((call) => call.writer)).toEqual(['v3', 'v2', 'v1']);
    expect(report.comparedVersions).toEqual([3, 2, 1]);
    expect(report.compatible).toBe(false);
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: 'TEST_RULE',
        direction: 'backward',
        comparedVersion: 1,
        path: '#/reader',
        oldPath: '#/writer',
      }),
    ]);
  });

  it('ignores an old incompatibility at a non-transitive level', () => {
    expect(run('BACKWARD', schema('new', ['v1'])).report.compatible).toBe(true);
    expect(run('FULL', schema('new', ['v1'])).report.compatible).toBe(true);
  });

  it('runs FORWARD with the old schema as reader and points paths at the new schema', () => {
    const previous = [{ version: 7, schema: schema('v7', ['new']) }];
    const { report, calls } = run('FORWARD', schema('new'), previous);
    expect(calls).toEqual([{ reader: 'v7', writer: 'new' }]);
    expect(report.violations).toEqual([
      {
        rule: 'TEST_RULE',
        path: '#/writer',
        oldPath: '#/reader',
        message: 'old rejects new',
        severity: 'error',
        direction: 'forward',
        comparedVersion: 7,
      },
    ]);
  });

  it('checks FULL in both directions, forward first (Confluent order)', () => {
    const { calls } = run('FULL', schema('new'));
    expect(calls).toEqual([
      { reader: 'v3', writer: 'new' },
      { reader: 'new', writer: 'v3' },
    ]);
  });

  it('checks FULL_TRANSITIVE in both directions against every version', () => {
    const { calls, report } = run('FULL_TRANSITIVE', schema('new', ['v2']));
    expect(calls).toHaveLength(6);
    expect(
      report.violations.map((violation) => [violation.direction, violation.comparedVersion]),
    ).toEqual([['backward', 2]]);
  });

  it('checks FORWARD_TRANSITIVE against every version', () => {
    const previous = [
      { version: 2, schema: schema('v2') },
      { version: 1, schema: schema('v1', ['new']) },
    ];
    const { report } = run('FORWARD_TRANSITIVE', schema('new'), previous);
    expect(report.compatible).toBe(false);
    expect(report.violations[0]).toMatchObject({ direction: 'forward', comparedVersion: 1 });
  });

  it('is compatible with an empty history at every level', () => {
    for (const level of COMPATIBILITY_LEVELS) {
      const { report, calls } = run(level, schema('new', ['v1']), []);
      expect(report).toEqual({ compatible: true, level, violations: [], comparedVersions: [] });
      expect(calls).toEqual([]);
    }
  });

  it('never calls the checker at level NONE', () => {
    const { report, calls } = run('NONE', schema('new', ['v3', 'v2', 'v1']));
    expect(report).toEqual({
      compatible: true,
      level: 'NONE',
      violations: [],
      comparedVersions: [],
    });
    expect(calls).toEqual([]);
  });

  it('reports SCHEMA_TYPE_CHANGED for a previous version of another schema type', () => {
    const avro: ParsedSchema = {
      schemaType: 'AVRO',
      canonical: '"string"',
      fingerprint: '',
      native: {},
      references: [],
    };
    const { report, calls } = run('BACKWARD', schema('new'), [{ version: 4, schema: avro }]);
    expect(calls).toEqual([]);
    expect(report.compatible).toBe(false);
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: 'SCHEMA_TYPE_CHANGED',
        direction: 'backward',
        comparedVersion: 4,
      }),
    ]);
  });

  it('turns a throwing checker into a CHECK_FAILED violation instead of crashing', () => {
    const throwing: FormatCompatibilityChecker = {
      schemaType: 'JSON',
      checkReaderWriter() {
        throw new RangeError('Maximum call stack size exceeded');
      },
      diff: () => ({ changes: [] }),
    };
    const report = checkCompatibility({
      schemaType: 'JSON',
      candidate: schema('new'),
      previous: history,
      checkers: { JSON: throwing },
    });
    expect(report.compatible).toBe(false);
    expect(report.violations[0]).toMatchObject({ rule: 'CHECK_FAILED', comparedVersion: 3 });
  });

  it('stops a check past its budget and fails it naming the versions not compared', () => {
    const slow: FormatCompatibilityChecker = {
      schemaType: 'JSON',
      checkReaderWriter() {
        const until = performance.now() + 30;
        while (performance.now() < until) {}
        return [];
      },
      diff: () => ({ changes: [] }),
    };
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: 'BACKWARD_TRANSITIVE',
      candidate: schema('new'),
      previous: history,
      checkers: { JSON: slow },
      budgetMs: 10,
    });
    expect(report.compatible).toBe(false);
    expect(report.comparedVersions).toEqual([3]);
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: 'CHECK_BUDGET_EXCEEDED',
        severity: 'error',
        comparedVersion: 2,
        message: expect.stringContaining('versions 2, 1 were not compared'),
      }),
    ]);
  });

  it('compares every version within the default budget', () => {
    const { report } = run('FULL_TRANSITIVE', schema('new'));
    expect(report.comparedVersions).toEqual([3, 2, 1]);
  });

  it('rejects an unknown level with a stable code', () => {
    expect(() =>
      checkCompatibility({
        schemaType: 'JSON',
        level: 'SIDEWAYS' as CompatibilityLevel,
        candidate: schema('new'),
        previous: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_LEVEL' }));
  });

  it('rejects a non-array history with a stable code', () => {
    const bad = {
      schemaType: 'JSON',
      candidate: schema('new'),
      previous: null,
    } as unknown as Parameters<typeof checkCompatibility>[0];
    expect(() => checkCompatibility(bad)).toThrow(CompatibilityCheckError);
  });

  it('follows Confluent’s worked example with real JSON schemas', () => {
    const closed = (properties: Record<string, unknown>, required: string[] = []) =>
      jsonSchema({ type: 'object', properties, required, additionalProperties: false });
    const s1 = closed({ f1: { type: 'string' } });
    const s2 = closed({ f1: { type: 'string' }, f2: { type: 'string', default: 'foo' } }, ['f2']);
    const s3 = closed({ f1: { type: 'string' }, f2: { type: 'string' } }, ['f2']);
    const check = (level: CompatibilityLevel, candidate: ParsedSchema, previous: ParsedSchema[]) =>
      checkCompatibility({
        schemaType: 'JSON',
        level,
        candidate,
        previous: previous.map((each, index) => ({
          version: previous.length - index,
          schema: each,
        })),
      });
    expect(check('BACKWARD', s3, [s2, s1]).compatible).toBe(true);
    const transitive = check('BACKWARD_TRANSITIVE', s3, [s2, s1]);
    expect(transitive.compatible).toBe(false);
    expect(transitive.violations[0]).toMatchObject({
      rule: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
      path: '#/properties/f2',
      comparedVersion: 1,
      fix: "make 'f2' optional or give it a default",
    });
    expect(check('FORWARD_TRANSITIVE', s1, [s3, s2]).compatible).toBe(false);
    expect(check('FULL', s3, [s2, s1]).compatible).toBe(true);
  });
});

describe('checkCompatibility policy', () => {
  const open = jsonSchema({ type: 'object', properties: { a: { type: 'string' } } });
  const extended = jsonSchema({
    type: 'object',
    properties: { a: { type: 'string' }, b: { type: 'string' } },
  });
  const run = (policy?: 'STRICT' | 'LENIENT') =>
    checkCompatibility({
      schemaType: 'JSON',
      candidate: extended,
      previous: [{ version: 1, schema: open }],
      ...(policy ? { policy } : {}),
    });

  it('is STRICT by default: a property added to an open object is incompatible', () => {
    expect(run().violations.map((violation) => violation.rule)).toEqual([
      'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
    ]);
    expect(run('STRICT').compatible).toBe(false);
  });

  it('accepts the same change under the LENIENT policy', () => {
    expect(run('LENIENT')).toMatchObject({ compatible: true, violations: [] });
  });
});

describe('defaultCheckers', () => {
  it('has a checker for every schema type, each for its own type', () => {
    for (const schemaType of ['JSON', 'AVRO', 'PROTOBUF'] as const) {
      expect(defaultCheckers[schemaType].schemaType).toBe(schemaType);
    }
  });
});

describe('isCompatibilityLevel', () => {
  it('accepts the seven level names', () => {
    expect(COMPATIBILITY_LEVELS.every(isCompatibilityLevel)).toBe(true);
    expect(COMPATIBILITY_LEVELS).toHaveLength(7);
  });

  it('rejects other values', () => {
    for (const value of ['backward', 'FULLY', '', null, undefined, 7, {}, ['FULL']]) {
      expect(isCompatibilityLevel(value)).toBe(false);
    }
  });
});

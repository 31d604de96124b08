import { describe, expect, it } from 'vitest';
import { checkCompatibility } from '../src/check-compatibility.js';
import type { CompatibilityLevel } from '../src/types.js';
import { parsedAvro } from './avro-parsed-schema.js';

/**
 * Confluent Schema Registry's Avro semantics (what its `AvroCompatibilityTest` states, with
 * Apache Avro's reader/writer rules underneath), checked on our own schemas through the level
 * engine. `history` is oldest first, as registered; plain levels look at the newest entry only.
 */
interface Case {
  name: string;
  level: CompatibilityLevel;
  candidate: unknown;
  history: unknown[];
  compatible: boolean;
  /** A rule the report must contain when incompatible. */
  rule?: string;
}

const field = (name: string, type: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  ...extra,
});
const sensor = (fields: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'record',
  name: 'Sensor',
  namespace: 'iot',
  fields,
  ...extra,
});
const enumOf = (symbols: string[], extra: Record<string, unknown> = {}) => ({
  type: 'enum',
  name: 'Unit',
  symbols,
  ...extra,
});

const ID = field('id', 'string');
/** v1: an id only. */
const one = sensor([ID]);
/** v2: adds `site` with a default. */
const withDefault = sensor([ID, field('site', 'string', { default: 'lab' })]);
/** v3: `site` without a default. */
const noDefault = sensor([ID, field('site', 'string')]);
/** v4: adds `zone` with a default on top of v2. */
const twoDefaults = sensor([
  ID,
  field('site', 'string', { default: 'lab' }),
  field('zone', 'int', { default: 0 }),
]);

const cases: Case[] = [
  {
    name: 'a new field with a default is backward compatible',
    level: 'BACKWARD',
    candidate: withDefault,
    history: [one],
    compatible: true,
  },
  {
    name: 'a new field without a default is not backward compatible',
    level: 'BACKWARD',
    candidate: noDefault,
    history: [one],
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
  },
  {
    name: 'renaming a field with an alias to the old name is backward compatible',
    level: 'BACKWARD',
    candidate: sensor([field('sensor_id', 'string', { aliases: ['id'] })]),
    history: [one],
    compatible: true,
  },
  {
    name: 'renaming a field without an alias is not backward compatible',
    level: 'BACKWARD',
    candidate: sensor([field('sensor_id', 'string')]),
    history: [one],
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
  },
  {
    name: 'widening a field to a union containing its type is backward compatible',
    level: 'BACKWARD',
    candidate: sensor([field('id', ['null', 'string'])]),
    history: [one],
    compatible: true,
  },
  {
    name: 'narrowing a union field to one of its branches is not backward compatible',
    level: 'BACKWARD',
    candidate: one,
    history: [sensor([field('id', ['null', 'string'])])],
    compatible: false,
    rule: 'TYPE_MISMATCH',
  },
  {
    name: 'adding a branch to a union is backward compatible',
    level: 'BACKWARD',
    candidate: sensor([field('id', ['null', 'string', 'long'])]),
    history: [sensor([field('id', ['null', 'string'])])],
    compatible: true,
  },
  {
    name: 'removing a branch from a union is not backward compatible',
    level: 'BACKWARD',
    candidate: sensor([field('id', ['null', 'string'])]),
    history: [sensor([field('id', ['null', 'string', 'long'])])],
    compatible: false,
    rule: 'MISSING_UNION_BRANCH',
  },
  {
    name: 'plain BACKWARD compares with the newest version only',
    level: 'BACKWARD',
    candidate: noDefault,
    history: [one, withDefault],
    compatible: true,
  },
  {
    name: 'BACKWARD_TRANSITIVE accepts defaults added one version at a time',
    level: 'BACKWARD_TRANSITIVE',
    candidate: twoDefaults,
    history: [one, withDefault],
    compatible: true,
  },
  {
    name: 'BACKWARD_TRANSITIVE rejects dropping a default that the oldest version needs',
    level: 'BACKWARD_TRANSITIVE',
    candidate: noDefault,
    history: [one, withDefault],
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
  },
  {
    name: 'dropping a default is backward compatible against one version',
    level: 'BACKWARD_TRANSITIVE',
    candidate: noDefault,
    history: [withDefault],
    compatible: true,
  },
  {
    name: 'a new field without a default is forward compatible',
    level: 'FORWARD',
    candidate: noDefault,
    history: [one],
    compatible: true,
  },
  {
    name: 'dropping or adding a default is forward compatible',
    level: 'FORWARD',
    candidate: withDefault,
    history: [noDefault],
    compatible: true,
  },
  {
    name: 'plain FORWARD compares with the newest version only',
    level: 'FORWARD',
    candidate: one,
    history: [noDefault, withDefault],
    compatible: true,
  },
  {
    name: 'FORWARD_TRANSITIVE accepts removing defaulted fields one version at a time',
    level: 'FORWARD_TRANSITIVE',
    candidate: one,
    history: [twoDefaults, withDefault],
    compatible: true,
  },
  {
    name: 'FORWARD_TRANSITIVE rejects removing a field an older version has no default for',
    level: 'FORWARD_TRANSITIVE',
    candidate: one,
    history: [noDefault, withDefault],
    compatible: false,
    rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
  },
  {
    name: 'a new field with a default is fully compatible',
    level: 'FULL',
    candidate: withDefault,
    history: [one],
    compatible: true,
  },
  {
    name: 'a new field without a default is not fully compatible',
    level: 'FULL',
    candidate: noDefault,
    history: [one],
    compatible: false,
  },
  {
    name: 'plain FULL compares with the newest version only',
    level: 'FULL',
    candidate: noDefault,
    history: [one, withDefault],
    compatible: true,
  },
  {
    name: 'FULL_TRANSITIVE accepts adding and removing defaulted fields step by step',
    level: 'FULL_TRANSITIVE',
    candidate: one,
    history: [twoDefaults, withDefault],
    compatible: true,
  },
  {
    name: 'FULL_TRANSITIVE rejects a field without a default reached through a defaulted one',
    level: 'FULL_TRANSITIVE',
    candidate: noDefault,
    history: [one, withDefault],
    compatible: false,
  },
  {
    name: 'FULL_TRANSITIVE rejects removing a field an older version requires',
    level: 'FULL_TRANSITIVE',
    candidate: one,
    history: [noDefault, withDefault],
    compatible: false,
  },
  // Apache Avro's reader/writer rules, which Confluent applies per pair.
  {
    name: 'a record namespace change is compatible (names match unqualified)',
    level: 'BACKWARD',
    candidate: sensor([ID], { namespace: 'plant' }),
    history: [one],
    compatible: true,
  },
  {
    name: 'renaming a record without an alias is incompatible',
    level: 'BACKWARD',
    candidate: sensor([ID], { name: 'Probe' }),
    history: [one],
    compatible: false,
    rule: 'NAME_MISMATCH',
  },
  {
    name: 'renaming a record with an alias to the old full name is compatible',
    level: 'BACKWARD',
    candidate: sensor([ID], { name: 'Probe', aliases: ['iot.Sensor'] }),
    history: [one],
    compatible: true,
  },
  {
    name: 'int promoted to long, float or double is backward compatible',
    level: 'BACKWARD',
    candidate: sensor([field('a', 'long'), field('b', 'float'), field('c', 'double')]),
    history: [sensor([field('a', 'int'), field('b', 'int'), field('c', 'int')])],
    compatible: true,
  },
  {
    name: 'long narrowed to int is not backward compatible',
    level: 'BACKWARD',
    candidate: sensor([field('a', 'int')]),
    history: [sensor([field('a', 'long')])],
    compatible: false,
    rule: 'TYPE_MISMATCH',
  },
  {
    name: 'string and bytes read each other',
    level: 'FULL',
    candidate: sensor([field('id', 'bytes')]),
    history: [one],
    compatible: true,
  },
  {
    name: 'removing an enum symbol is not backward compatible without an enum default',
    level: 'BACKWARD',
    candidate: sensor([field('u', enumOf(['C']))]),
    history: [sensor([field('u', enumOf(['C', 'F']))])],
    compatible: false,
    rule: 'MISSING_ENUM_SYMBOLS',
  },
  {
    name: 'removing an enum symbol is backward compatible with an enum default',
    level: 'BACKWARD',
    candidate: sensor([field('u', enumOf(['C'], { default: 'C' }))]),
    history: [sensor([field('u', enumOf(['C', 'F']))])],
    compatible: true,
  },
  {
    name: 'changing a fixed size is incompatible',
    level: 'BACKWARD',
    candidate: sensor([field('mac', { type: 'fixed', name: 'Mac', size: 8 })]),
    history: [sensor([field('mac', { type: 'fixed', name: 'Mac', size: 6 })])],
    compatible: false,
    rule: 'FIXED_SIZE_MISMATCH',
  },
  {
    name: 'doc, order and logical type parameters do not affect compatibility',
    level: 'FULL',
    candidate: sensor([
      field('v', { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 }, { doc: 'x' }),
    ]),
    history: [
      sensor([field('v', { type: 'bytes', logicalType: 'decimal', precision: 6, scale: 2 })]),
    ],
    compatible: true,
  },
];

describe("Confluent's Avro compatibility semantics", () => {
  it.each(cases)('$name', (c) => {
    const previous = c.history
      .map((schema, i) => ({ version: i + 1, schema: parsedAvro(schema) }))
      .reverse();
    const report = checkCompatibility({
      schemaType: 'AVRO',
      level: c.level,
      candidate: parsedAvro(c.candidate),
      previous,
    });
    expect(report.compatible).toBe(c.compatible);
    if (c.rule !== undefined) expect(report.violations.map((v) => v.rule)).toContain(c.rule);
  });
});

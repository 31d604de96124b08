import { describe, expect, it } from 'vitest';
import { checkCompatibility } from '../src/check-compatibility.js';
import { createJsonSchemaCompatibility } from '../src/json/json-schema-compatibility.js';
import type { CompatibilityLevel } from '../src/types.js';
import { jsonReference, jsonSchema, rawJsonSchema } from './json-schema-fixture.js';

type Schema = Record<string, unknown> | boolean;

interface Case {
  name: string;
  old: Schema;
  new: Schema;
  level: CompatibilityLevel;
  compatible: boolean;
  rule?: string;
  path?: string;
  policy?: 'STRICT' | 'LENIENT';
  /** Skip the parser: for forms it rejects (draft-4) or refs it cannot resolve. */
  raw?: boolean;
}

const str = { type: 'string' };
const int = { type: 'integer' };
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});
const closed = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  obj(properties, { additionalProperties: false, ...extra });
const arr = (extra: Record<string, unknown>) => ({ type: 'array', ...extra });
const draft7 = 'http://json-schema.org/draft-07/schema#';
const arr7 = (extra: Record<string, unknown>) => ({ $schema: draft7, type: 'array', ...extra });

const cases: Case[] = [
  // Types
  { name: 'same type', old: str, new: str, level: 'BACKWARD', compatible: true },
  {
    name: 'string to integer',
    old: str,
    new: int,
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
    path: '#',
  },
  {
    name: 'integer widened to number',
    old: int,
    new: { type: 'number' },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'integer widened to number, old reads new',
    old: int,
    new: { type: 'number' },
    level: 'FORWARD',
    compatible: false,
    rule: 'TYPE_NARROWED',
  },
  {
    name: 'number narrowed to integer',
    old: { type: 'number' },
    new: int,
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_NARROWED',
  },
  {
    name: 'number narrowed to integer, old reads new',
    old: { type: 'number' },
    new: int,
    level: 'FORWARD',
    compatible: true,
  },
  {
    name: 'string made nullable',
    old: str,
    new: { type: ['string', 'null'] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'string made nullable, old reads new',
    old: str,
    new: { type: ['string', 'null'] },
    level: 'FORWARD',
    compatible: false,
    rule: 'SUM_TYPE_NARROWED',
  },
  {
    name: 'null dropped from a type list',
    old: { type: ['string', 'null'] },
    new: str,
    level: 'BACKWARD',
    compatible: false,
    rule: 'SUM_TYPE_NARROWED',
  },
  {
    name: 'null dropped from a type list (full)',
    old: { type: ['string', 'null'] },
    new: str,
    level: 'FULL',
    compatible: false,
    rule: 'SUM_TYPE_NARROWED',
  },
  {
    name: 'type added to an empty schema',
    old: {},
    new: str,
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
  },
  { name: 'type removed', old: str, new: {}, level: 'BACKWARD', compatible: true },
  { name: 'schema replaced by true', old: str, new: true, level: 'BACKWARD', compatible: true },
  {
    name: 'schema replaced by false',
    old: str,
    new: false,
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
  },
  { name: 'false replaced by a schema', old: false, new: str, level: 'BACKWARD', compatible: true },
  { name: 'level NONE accepts anything', old: str, new: int, level: 'NONE', compatible: true },
  {
    name: 'type list widened',
    old: { type: ['string', 'integer'] },
    new: { type: ['string', 'number', 'null'] },
    level: 'FULL_TRANSITIVE',
    compatible: false,
    rule: 'SUM_TYPE_NARROWED',
  },
  // Strings
  {
    name: 'maxLength decreased',
    old: { ...str, maxLength: 10 },
    new: { ...str, maxLength: 5 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_LENGTH_DECREASED',
  },
  {
    name: 'maxLength decreased, old reads new',
    old: { ...str, maxLength: 10 },
    new: { ...str, maxLength: 5 },
    level: 'FORWARD',
    compatible: true,
  },
  {
    name: 'maxLength increased',
    old: { ...str, maxLength: 5 },
    new: { ...str, maxLength: 10 },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'maxLength added',
    old: str,
    new: { ...str, maxLength: 5 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_LENGTH_ADDED',
  },
  {
    name: 'maxLength removed',
    old: { ...str, maxLength: 5 },
    new: str,
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'maxLength removed, old reads new',
    old: { ...str, maxLength: 5 },
    new: str,
    level: 'FORWARD_TRANSITIVE',
    compatible: false,
    rule: 'MAX_LENGTH_ADDED',
  },
  {
    name: 'minLength increased',
    old: { ...str, minLength: 1 },
    new: { ...str, minLength: 3 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MIN_LENGTH_INCREASED',
  },
  {
    name: 'minLength decreased',
    old: { ...str, minLength: 3 },
    new: { ...str, minLength: 1 },
    level: 'BACKWARD_TRANSITIVE',
    compatible: true,
  },
  {
    name: 'minLength added',
    old: str,
    new: { ...str, minLength: 2 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MIN_LENGTH_ADDED',
  },
  {
    name: 'pattern added',
    old: str,
    new: { ...str, pattern: '^a' },
    level: 'BACKWARD',
    compatible: false,
    rule: 'PATTERN_ADDED',
  },
  {
    name: 'pattern changed',
    old: { ...str, pattern: '^a' },
    new: { ...str, pattern: '^b' },
    level: 'FULL',
    compatible: false,
    rule: 'PATTERN_CHANGED',
  },
  {
    name: 'pattern removed',
    old: { ...str, pattern: '^a' },
    new: str,
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'format added',
    old: str,
    new: { ...str, format: 'email' },
    level: 'BACKWARD',
    compatible: false,
    rule: 'FORMAT_ADDED',
  },
  {
    name: 'format removed',
    old: { ...str, format: 'email' },
    new: str,
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'format changed',
    old: { ...str, format: 'email' },
    new: { ...str, format: 'uri' },
    level: 'BACKWARD',
    compatible: false,
    rule: 'FORMAT_CHANGED',
  },
  {
    name: 'annotations changed only',
    old: { ...str, title: 'a', description: 'x' },
    new: { ...str, title: 'b', examples: ['q'] },
    level: 'FULL_TRANSITIVE',
    compatible: true,
  },
  // Numbers
  {
    name: 'maximum decreased',
    old: { ...int, maximum: 10 },
    new: { ...int, maximum: 5 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAXIMUM_DECREASED',
  },
  {
    name: 'maximum increased',
    old: { ...int, maximum: 5 },
    new: { ...int, maximum: 10 },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'maximum added',
    old: int,
    new: { ...int, maximum: 5 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAXIMUM_ADDED',
  },
  {
    name: 'minimum increased',
    old: { ...int, minimum: 0 },
    new: { ...int, minimum: 1 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MINIMUM_INCREASED',
  },
  {
    name: 'minimum decreased',
    old: { ...int, minimum: 1 },
    new: { ...int, minimum: 0 },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'minimum decreased, old reads new',
    old: { ...int, minimum: 1 },
    new: { ...int, minimum: 0 },
    level: 'FORWARD',
    compatible: false,
    rule: 'MINIMUM_INCREASED',
  },
  {
    name: 'exclusiveMaximum decreased',
    old: { type: 'number', exclusiveMaximum: 10 },
    new: { type: 'number', exclusiveMaximum: 5 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'EXCLUSIVE_MAXIMUM_DECREASED',
  },
  {
    name: 'exclusiveMinimum added',
    old: { type: 'number' },
    new: { type: 'number', exclusiveMinimum: 0 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'EXCLUSIVE_MINIMUM_ADDED',
  },
  {
    name: 'maximum replaced by a looser exclusiveMaximum',
    old: { type: 'number', maximum: 10 },
    new: { type: 'number', exclusiveMaximum: 11 },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'maximum made exclusive at the same value',
    old: { type: 'number', maximum: 10 },
    new: { type: 'number', exclusiveMaximum: 10 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'EXCLUSIVE_MAXIMUM_DECREASED',
  },
  {
    name: 'draft-4 exclusive maximum made inclusive',
    raw: true,
    old: { type: 'number', maximum: 10, exclusiveMaximum: true },
    new: { type: 'number', maximum: 10 },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'multipleOf reduced',
    old: { ...int, multipleOf: 4 },
    new: { ...int, multipleOf: 2 },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'multipleOf expanded',
    old: { ...int, multipleOf: 2 },
    new: { ...int, multipleOf: 4 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MULTIPLE_OF_EXPANDED',
  },
  {
    name: 'multipleOf changed',
    old: { ...int, multipleOf: 2 },
    new: { ...int, multipleOf: 3 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MULTIPLE_OF_CHANGED',
  },
  {
    name: 'multipleOf added',
    old: { type: 'number' },
    new: { type: 'number', multipleOf: 2 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MULTIPLE_OF_ADDED',
  },
  {
    name: 'fractional multipleOf reduced',
    old: { type: 'number', multipleOf: 0.5 },
    new: { type: 'number', multipleOf: 0.25 },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'multipleOf 1 on integers',
    old: int,
    new: { ...int, multipleOf: 1 },
    level: 'BACKWARD',
    compatible: true,
  },
  // Enums and const
  {
    name: 'enum extended',
    old: { enum: ['a', 'b'] },
    new: { enum: ['a', 'b', 'c'] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'enum extended, old reads new',
    old: { enum: ['a', 'b'] },
    new: { enum: ['a', 'b', 'c'] },
    level: 'FORWARD',
    compatible: false,
    rule: 'ENUM_ARRAY_NARROWED',
  },
  {
    name: 'enum narrowed',
    old: { enum: ['a', 'b', 'c'] },
    new: { enum: ['a', 'b'] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'ENUM_ARRAY_NARROWED',
  },
  {
    name: 'enum changed',
    old: { enum: ['a', 'b'] },
    new: { enum: ['a', 'c'] },
    level: 'FULL',
    compatible: false,
    rule: 'ENUM_ARRAY_CHANGED',
  },
  {
    name: 'const changed',
    old: { const: 'a' },
    new: { const: 'b' },
    level: 'BACKWARD',
    compatible: false,
    rule: 'ENUM_ARRAY_CHANGED',
  },
  {
    name: 'const widened to an enum',
    old: { const: 'a' },
    new: { enum: ['a', 'b'] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'enum added to a string',
    old: str,
    new: { ...str, enum: ['a'] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'ENUM_ARRAY_NARROWED',
  },
  {
    name: 'enum reordered',
    old: { enum: [1, 'a'] },
    new: { enum: ['a', 1] },
    level: 'FULL_TRANSITIVE',
    compatible: true,
  },
  {
    name: 'enum of strings read as string',
    old: { enum: ['a', 'b'] },
    new: str,
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'mixed enum read as string',
    old: { enum: ['a', 1] },
    new: str,
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
  },
  {
    name: 'enum object values compared by content',
    old: { enum: [{ x: 1, y: 2 }] },
    new: { enum: [{ y: 2, x: 1 }] },
    level: 'FULL',
    compatible: true,
  },
  // Open content model
  {
    name: 'optional property added to an open object',
    old: obj({ a: str }),
    new: obj({ a: str, b: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
    path: '#/properties/b',
  },
  {
    name: 'optional property added to an open object (lenient)',
    old: obj({ a: str }),
    new: obj({ a: str, b: str }),
    level: 'BACKWARD',
    compatible: true,
    policy: 'LENIENT',
  },
  {
    name: 'property with an empty schema added to an open object',
    old: obj({ a: str }),
    new: obj({ a: str, b: {} }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'required property added to an open object',
    old: obj({ a: str }),
    new: obj({ a: str, b: str }, { required: ['b'] }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
  },
  {
    name: 'required property with a default added to an open object',
    old: obj({ a: str }),
    new: obj({ a: str, b: { ...str, default: 'x' } }, { required: ['b'] }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL',
  },
  {
    name: 'required property with a default added to an open object (lenient)',
    old: obj({ a: str }),
    new: obj({ a: str, b: { ...str, default: 'x' } }, { required: ['b'] }),
    level: 'BACKWARD',
    compatible: true,
    policy: 'LENIENT',
  },
  {
    name: 'property removed from an open object',
    old: obj({ a: str, b: str }),
    new: obj({ a: str }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'property removed from an open object, old reads new',
    old: obj({ a: str, b: str }),
    new: obj({ a: str }),
    level: 'FORWARD',
    compatible: false,
    rule: 'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
  },
  // Closed content model
  {
    name: 'optional property added to a closed object',
    old: closed({ a: str }),
    new: closed({ a: str, b: str }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'optional property added to a closed object, old reads new',
    old: closed({ a: str }),
    new: closed({ a: str, b: str }),
    level: 'FORWARD',
    compatible: false,
    rule: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  },
  {
    name: 'optional property added to a closed object (full)',
    old: closed({ a: str }),
    new: closed({ a: str, b: str }),
    level: 'FULL',
    compatible: false,
    rule: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  },
  {
    name: 'optional property added to a closed object, old reads new (lenient)',
    old: closed({ a: str }),
    new: closed({ a: str, b: str }),
    level: 'FORWARD',
    compatible: true,
    policy: 'LENIENT',
  },
  {
    name: 'property removed from a closed object',
    old: closed({ a: str, b: str }),
    new: closed({ a: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
    path: '#',
  },
  {
    name: 'false property removed from a closed object',
    old: closed({ a: str, b: false }),
    new: closed({ a: str }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'required property added to a closed object',
    old: closed({ a: str }),
    new: closed({ a: str, b: str }, { required: ['b'] }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  },
  {
    name: 'required property with a default added to a closed object',
    old: closed({ a: str }),
    new: closed({ a: str, b: { ...str, default: 'x' } }, { required: ['b'] }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'open object closed',
    old: obj({ a: str }),
    new: closed({ a: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ADDITIONAL_PROPERTIES_REMOVED',
  },
  {
    name: 'open object closed (lenient)',
    old: obj({ a: str }),
    new: closed({ a: str }),
    level: 'BACKWARD',
    compatible: true,
    policy: 'LENIENT',
  },
  {
    name: 'closed object opened',
    old: closed({ a: str }),
    new: obj({ a: str }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'property added under unevaluatedProperties false',
    old: obj({ a: str }, { unevaluatedProperties: false }),
    new: obj({ a: str, b: str }, { unevaluatedProperties: false }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'object closed with unevaluatedProperties',
    old: obj({ a: str }),
    new: obj({ a: str }, { unevaluatedProperties: false }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'UNEVALUATED_PROPERTIES_REMOVED',
  },
  // Partially open content model
  {
    name: 'property added, covered by additionalProperties',
    old: obj({ a: str }, { additionalProperties: str }),
    new: obj({ a: str, b: str }, { additionalProperties: str }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'property added, not covered by additionalProperties',
    old: obj({ a: str }, { additionalProperties: str }),
    new: obj({ a: str, b: int }, { additionalProperties: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  },
  {
    name: 'property added, not covered by additionalProperties (lenient)',
    old: obj({ a: str }, { additionalProperties: str }),
    new: obj({ a: str, b: int }, { additionalProperties: str }),
    level: 'BACKWARD',
    compatible: true,
    policy: 'LENIENT',
  },
  {
    name: 'property removed, covered by additionalProperties',
    old: obj({ a: str, b: str }, { additionalProperties: str }),
    new: obj({ a: str }, { additionalProperties: str }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'property removed, not covered by additionalProperties',
    old: obj({ a: str, b: int }, { additionalProperties: str }),
    new: obj({ a: str }, { additionalProperties: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
    path: '#/additionalProperties',
  },
  {
    name: 'property added, covered by patternProperties',
    old: obj({ a: str }, { patternProperties: { '^x_': str } }),
    new: obj({ a: str, x_b: str }, { patternProperties: { '^x_': str } }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'property added, not covered by patternProperties',
    old: obj({ a: str }, { patternProperties: { '^x_': str }, additionalProperties: false }),
    new: obj(
      { a: str, x_b: int },
      { patternProperties: { '^x_': str }, additionalProperties: false },
    ),
    level: 'BACKWARD',
    compatible: false,
    rule: 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  },
  {
    name: 'additionalProperties schema added to an open object',
    old: obj({ a: str }),
    new: obj({ a: str }, { additionalProperties: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ADDITIONAL_PROPERTIES_NARROWED',
  },
  {
    name: 'additionalProperties schema widened',
    old: obj({}, { additionalProperties: str }),
    new: obj({}, { additionalProperties: { type: ['string', 'null'] } }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'additionalProperties schema changed',
    old: obj({}, { additionalProperties: str }),
    new: obj({}, { additionalProperties: int }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
    path: '#/additionalProperties',
  },
  {
    name: 'patternProperties added to an open object',
    old: obj({ a: str }),
    new: obj({ a: str }, { patternProperties: { '^x_': int } }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ADDITIONAL_PROPERTIES_NARROWED',
  },
  // Required and dependencies
  {
    name: 'existing property made required',
    old: obj({ a: str, b: str }),
    new: obj({ a: str, b: str }, { required: ['b'] }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'REQUIRED_ATTRIBUTE_ADDED',
    path: '#/properties/b',
  },
  {
    name: 'existing property with a default made required',
    old: obj({ a: str, b: str }),
    new: obj({ a: str, b: { ...str, default: '' } }, { required: ['b'] }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'required removed',
    old: obj({ b: str }, { required: ['b'] }),
    new: obj({ b: str }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'required removed, old reads new',
    old: obj({ b: str }, { required: ['b'] }),
    new: obj({ b: str }),
    level: 'FORWARD',
    compatible: false,
    rule: 'REQUIRED_ATTRIBUTE_ADDED',
  },
  {
    name: 'undeclared property made required',
    old: { type: 'object' },
    new: { type: 'object', required: ['c'] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'REQUIRED_ATTRIBUTE_ADDED',
  },
  {
    name: 'nested maxLength decreased',
    old: obj({ a: obj({ x: { ...str, maxLength: 5 } }) }),
    new: obj({ a: obj({ x: { ...str, maxLength: 3 } }) }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_LENGTH_DECREASED',
    path: '#/properties/a/properties/x',
  },
  {
    name: 'dependentRequired added',
    old: obj({ a: str, b: str }),
    new: obj({ a: str, b: str }, { dependentRequired: { a: ['b'] } }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'DEPENDENCY_ARRAY_ADDED',
  },
  {
    name: 'dependentRequired extended',
    old: obj({}, { dependentRequired: { a: ['b'] } }),
    new: obj({}, { dependentRequired: { a: ['b', 'c'] } }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'DEPENDENCY_ARRAY_EXTENDED',
  },
  {
    name: 'dependentRequired narrowed',
    old: obj({}, { dependentRequired: { a: ['b', 'c'] } }),
    new: obj({}, { dependentRequired: { a: ['b'] } }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'draft-7 dependencies changed',
    old: obj({}, { dependencies: { a: ['b'] } }),
    new: obj({}, { dependencies: { a: ['c'] } }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'DEPENDENCY_ARRAY_CHANGED',
  },
  {
    name: 'dependentSchemas added',
    old: obj({}),
    new: obj({}, { dependentSchemas: { a: { required: ['b'] } } }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'DEPENDENCY_SCHEMA_ADDED',
  },
  {
    name: 'dependentSchemas removed',
    old: obj({}, { dependentSchemas: { a: { required: ['b'] } } }),
    new: obj({}),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'dependentSchemas tightened',
    old: obj({}, { dependentSchemas: { a: obj({ b: str }) } }),
    new: obj({}, { dependentSchemas: { a: obj({ b: int }) } }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
    path: '#/dependentSchemas/a/properties/b',
  },
  {
    name: 'maxProperties added',
    old: { type: 'object' },
    new: { type: 'object', maxProperties: 3 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_PROPERTIES_ADDED',
  },
  {
    name: 'minProperties increased',
    old: { type: 'object', minProperties: 1 },
    new: { type: 'object', minProperties: 2 },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MIN_PROPERTIES_INCREASED',
  },
  {
    name: 'propertyNames added',
    old: { type: 'object' },
    new: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
    level: 'BACKWARD',
    compatible: false,
    rule: 'PROPERTY_NAMES_ADDED',
  },
  // Arrays
  {
    name: 'items widened',
    old: arr({ items: str }),
    new: arr({ items: { type: ['string', 'null'] } }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'items type changed',
    old: arr({ items: str }),
    new: arr({ items: int }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
    path: '#/items',
  },
  {
    name: 'items schema added',
    old: arr({}),
    new: arr({ items: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'SCHEMA_ADDED',
  },
  {
    name: 'items schema removed',
    old: arr({ items: str }),
    new: arr({}),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'maxItems decreased',
    old: arr({ maxItems: 5 }),
    new: arr({ maxItems: 3 }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_ITEMS_DECREASED',
  },
  {
    name: 'minItems added',
    old: arr({}),
    new: arr({ minItems: 1 }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'MIN_ITEMS_ADDED',
  },
  {
    name: 'uniqueItems added',
    old: arr({}),
    new: arr({ uniqueItems: true }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'UNIQUE_ITEMS_ADDED',
  },
  {
    name: 'uniqueItems removed, old reads new',
    old: arr({ uniqueItems: true }),
    new: arr({}),
    level: 'FORWARD',
    compatible: false,
    rule: 'UNIQUE_ITEMS_ADDED',
  },
  {
    name: 'tuple item added to a closed tuple',
    old: arr({ prefixItems: [str], items: false }),
    new: arr({ prefixItems: [str, int], items: false }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'tuple item added to an open tuple',
    old: arr({ prefixItems: [str] }),
    new: arr({ prefixItems: [str, int] }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL',
  },
  {
    name: 'tuple item removed from a closed tuple',
    old: arr({ prefixItems: [str, int], items: false }),
    new: arr({ prefixItems: [str], items: false }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  },
  {
    name: 'tuple item removed from an open tuple',
    old: arr({ prefixItems: [str, int] }),
    new: arr({ prefixItems: [str] }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'tuple item added, covered by items',
    old: arr({ prefixItems: [str], items: int }),
    new: arr({ prefixItems: [str, int], items: int }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'tuple item added, not covered by items',
    old: arr({ prefixItems: [str], items: int }),
    new: arr({ prefixItems: [str, str], items: int }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  },
  {
    name: 'draft-7 tuple opened',
    old: arr7({ items: [str], additionalItems: false }),
    new: arr7({ items: [str], additionalItems: true }),
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'draft-7 tuple closed',
    old: arr7({ items: [str], additionalItems: true }),
    new: arr7({ items: [str], additionalItems: false }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ADDITIONAL_ITEMS_REMOVED',
  },
  {
    name: 'draft-7 tuple given an additionalItems schema',
    old: arr7({ items: [str] }),
    new: arr7({ items: [str], additionalItems: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ADDITIONAL_ITEMS_NARROWED',
  },
  {
    name: 'contains added',
    old: arr({}),
    new: arr({ contains: str }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'CONTAINS_ADDED',
  },
  // Combinations
  {
    name: 'anyOf extended',
    old: { anyOf: [str, int] },
    new: { anyOf: [str, int, { type: 'null' }] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'anyOf narrowed',
    old: { anyOf: [str, int, { type: 'null' }] },
    new: { anyOf: [str, int] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'SUM_TYPE_NARROWED',
  },
  {
    name: 'oneOf relaxed to anyOf',
    old: { oneOf: [str, int] },
    new: { anyOf: [str, int] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'anyOf tightened to oneOf',
    old: { anyOf: [str, int] },
    new: { oneOf: [str, int] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'COMBINED_TYPE_CHANGED',
  },
  {
    name: 'allOf member dropped',
    old: { allOf: [{ required: ['a'] }, { required: ['b'] }] },
    new: { allOf: [{ required: ['a'] }] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'allOf member added',
    old: { allOf: [{ required: ['a'] }] },
    new: { allOf: [{ required: ['a'] }, { required: ['b'] }] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'PRODUCT_TYPE_EXTENDED',
  },
  {
    name: 'schema wrapped into a wider anyOf',
    old: str,
    new: { anyOf: [str, int] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'schema replaced by an unrelated oneOf',
    old: str,
    new: { oneOf: [int, { type: 'boolean' }] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
  },
  {
    name: 'allOf flattened into one schema',
    old: { allOf: [str, { maxLength: 5 }] },
    new: str,
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'anyOf member tightened',
    old: { anyOf: [{ ...str, maxLength: 10 }, int] },
    new: { anyOf: [{ ...str, maxLength: 5 }, int] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_LENGTH_DECREASED',
    path: '#/anyOf/0',
  },
  {
    name: 'not widened (excludes more)',
    old: { not: str },
    new: { not: { type: ['string', 'integer'] } },
    level: 'BACKWARD',
    compatible: false,
    rule: 'NOT_TYPE_EXTENDED',
  },
  {
    name: 'not narrowed (excludes less)',
    old: { not: { type: ['string', 'integer'] } },
    new: { not: str },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'if/then/else added',
    old: obj({ a: str }),
    new: obj(
      { a: str },
      // Built from entries: a literal `then` key trips the thenable lint.
      Object.fromEntries([
        ['if', { required: ['a'] }],
        ['then', { required: ['b'] }],
      ]),
    ),
    level: 'BACKWARD',
    compatible: false,
    rule: 'CONDITIONAL_CHANGED',
  },
  {
    name: 'oneOf variant removed',
    old: {
      oneOf: [
        obj({ kind: { const: 'a' } }, { required: ['kind'] }),
        obj({ kind: { const: 'b' } }, { required: ['kind'] }),
      ],
    },
    new: { oneOf: [obj({ kind: { const: 'a' } }, { required: ['kind'] })] },
    level: 'BACKWARD_TRANSITIVE',
    compatible: false,
    rule: 'SUM_TYPE_NARROWED',
    path: '#',
  },
  {
    name: 'oneOf variant added',
    old: { oneOf: [obj({ kind: { const: 'a' } }, { required: ['kind'] })] },
    new: {
      oneOf: [
        obj({ kind: { const: 'a' } }, { required: ['kind'] }),
        obj({ kind: { const: 'b' } }, { required: ['kind'] }),
      ],
    },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'allOf member tightened in place',
    old: { allOf: [obj({ id: int }), obj({ x: str })] },
    new: { allOf: [obj({ id: int }), obj({ x: { ...str, maxLength: 3 } })] },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_LENGTH_ADDED',
    path: '#/allOf/1/properties/x',
  },
  {
    name: 'nullable property, old reads new',
    old: obj({ age: int }),
    new: obj({ age: { type: ['integer', 'null'] } }),
    level: 'FORWARD_TRANSITIVE',
    compatible: false,
    rule: 'SUM_TYPE_NARROWED',
    path: '#/properties/age',
  },
  {
    name: 'nested closed object gains a property, old reads new',
    old: arr({ items: closed({ a: str }) }),
    new: arr({ items: closed({ a: str, b: str }) }),
    level: 'FULL_TRANSITIVE',
    compatible: false,
    rule: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
    path: '#/items/properties/b',
  },
  {
    name: 'description-only change',
    old: obj({ a: { ...str, description: 'old' } }),
    new: obj({ a: { ...str, description: 'new' } }),
    level: 'FULL_TRANSITIVE',
    compatible: true,
  },
  {
    name: 'single-member anyOf widened into a oneOf',
    old: { anyOf: [str] },
    new: { oneOf: [int, str] },
    level: 'BACKWARD',
    compatible: true,
  },
  {
    name: 'single-member oneOf turned into allOf',
    old: { oneOf: [str] },
    new: { allOf: [str] },
    level: 'FULL',
    compatible: true,
  },
  {
    name: 'array items closed',
    old: arr({ items: true }),
    new: arr({ items: false }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'ADDITIONAL_ITEMS_REMOVED',
    path: '#/items',
  },
  {
    name: 'tuple given an items schema after a closed one',
    old: arr({ prefixItems: [str], items: { type: 'number' } }),
    new: arr({ prefixItems: [str, { type: 'number' }], items: true }),
    level: 'BACKWARD',
    compatible: true,
  },
  // $ref
  {
    name: 'referenced definition tightened',
    old: { $defs: { S: { ...str, maxLength: 10 } }, ...obj({ a: { $ref: '#/$defs/S' } }) },
    new: { $defs: { S: { ...str, maxLength: 5 } }, ...obj({ a: { $ref: '#/$defs/S' } }) },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_LENGTH_DECREASED',
    path: '#/properties/a',
  },
  {
    name: 'inline schema moved behind a $ref',
    old: obj({ a: str }),
    new: { definitions: { S: str }, ...obj({ a: { $ref: '#/definitions/S' } }) },
    level: 'FULL_TRANSITIVE',
    compatible: true,
  },
  {
    name: '$ref to an anchor',
    old: { $defs: { S: { $anchor: 'name', ...str } }, ...obj({ a: { $ref: '#name' } }) },
    new: obj({ a: int }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'TYPE_CHANGED',
  },
  {
    name: '$ref with sibling keywords',
    old: { $defs: { S: str }, ...obj({ a: { $ref: '#/$defs/S' } }) },
    new: { $defs: { S: str }, ...obj({ a: { $ref: '#/$defs/S', maxLength: 3 } }) },
    level: 'BACKWARD',
    compatible: false,
    rule: 'MAX_LENGTH_ADDED',
  },
  {
    name: 'unresolvable $ref',
    raw: true,
    old: obj({ a: str }),
    new: obj({ a: { $ref: '#/$defs/missing' } }),
    level: 'BACKWARD',
    compatible: false,
    rule: 'REFERENCE_UNRESOLVED',
  },
];

describe('JSON Schema compatibility table', () => {
  it('covers every level and at least 80 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((each) => each.level)).size).toBe(7);
  });

  it.each(cases)('$level: $name', (testCase) => {
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: testCase.level,
      candidate: (testCase.raw ? rawJsonSchema : jsonSchema)(testCase.new),
      previous: [{ version: 1, schema: (testCase.raw ? rawJsonSchema : jsonSchema)(testCase.old) }],
      checkers: { JSON: createJsonSchemaCompatibility({ policy: testCase.policy ?? 'STRICT' }) },
    });
    expect(report.compatible, JSON.stringify(report.violations, null, 1)).toBe(testCase.compatible);
    if (testCase.compatible) expect(report.violations).toEqual([]);
    if (testCase.rule) {
      const match = report.violations.find((violation) => violation.rule === testCase.rule);
      expect(match, JSON.stringify(report.violations, null, 1)).toBeDefined();
      expect(match?.message.length).toBeGreaterThan(10);
      if (testCase.path !== undefined) expect(match?.path).toBe(testCase.path);
    }
  });
});

describe('JSON Schema references and recursion', () => {
  const address = (street: unknown) => obj({ street });
  const customer = obj({ address: { $ref: 'address.json' } });

  it('follows $ref into Confluent references and reports changes there', () => {
    const report = checkCompatibility({
      schemaType: 'JSON',
      candidate: jsonSchema(customer, [jsonReference('address.json', address(int))]),
      previous: [
        { version: 1, schema: jsonSchema(customer, [jsonReference('address.json', address(str))]) },
      ],
    });
    expect(report.compatible).toBe(false);
    expect(report.violations[0]).toMatchObject({
      rule: 'TYPE_CHANGED',
      path: '#/properties/address/properties/street',
    });
  });

  it('accepts an unchanged reference', () => {
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: 'FULL',
      candidate: jsonSchema({ ...customer, title: 'v2' }, [
        jsonReference('address.json', address(str)),
      ]),
      previous: [
        { version: 1, schema: jsonSchema(customer, [jsonReference('address.json', address(str))]) },
      ],
    });
    expect(report).toMatchObject({ compatible: true, violations: [] });
  });

  const list = (valueType: unknown) => ({
    $defs: { node: obj({ value: valueType, next: { $ref: '#/$defs/node' } }) },
    $ref: '#/$defs/node',
  });

  it('compares identical recursive schemas without looping', () => {
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: 'FULL',
      candidate: jsonSchema({ ...list(int), description: 'new' }),
      previous: [{ version: 1, schema: jsonSchema(list(int)) }],
    });
    expect(report.compatible).toBe(true);
  });

  it('finds a change inside a recursive schema', () => {
    const report = checkCompatibility({
      schemaType: 'JSON',
      candidate: jsonSchema(list(str)),
      previous: [{ version: 1, schema: jsonSchema(list(int)) }],
    });
    expect(report.compatible).toBe(false);
    expect(report.violations.map((violation) => violation.path)).toContain('#/properties/value');
  });

  it('treats a self-referencing $ref cycle as accepting anything', () => {
    const cyclic = {
      $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
      ...obj({ x: { $ref: '#/$defs/a' } }),
    };
    const report = checkCompatibility({
      schemaType: 'JSON',
      level: 'FULL',
      candidate: rawJsonSchema(cyclic),
      previous: [{ version: 1, schema: rawJsonSchema({ ...cyclic, title: 't' }) }],
    });
    expect(report.compatible).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { schemaTypeFromPath } from './schema-type-from-path.js';
import { UsageError } from './usage-error.js';

describe('schemaTypeFromPath', () => {
  it.each([
    ['person.json', undefined, 'JSON'],
    ['dir.v2/user.AVSC', undefined, 'AVRO'],
    ['order.proto', undefined, 'PROTOBUF'],
    ['schema.txt', undefined, undefined],
    ['no-extension', undefined, undefined],
    [undefined, undefined, undefined],
    ['order.proto', 'json', 'JSON'],
    [undefined, 'Proto', 'PROTOBUF'],
    ['-', 'AVRO', 'AVRO'],
  ])('reads %s with --type %s as %s', (path, type, expected) => {
    expect(schemaTypeFromPath(path, type, 'register')).toBe(expected);
  });

  it('refuses an unknown --type with a usage error naming the choices', () => {
    expect(() => schemaTypeFromPath('a.json', 'xml', 'register')).toThrow(UsageError);
    expect(() => schemaTypeFromPath('a.json', '__proto__', 'register')).toThrow(
      /json, avro or protobuf/,
    );
  });
});

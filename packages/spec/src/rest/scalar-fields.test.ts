import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionalField } from './optional-field.js';
import { positiveIntegerField, stringField, stringOrIntegerField } from './scalar-fields.js';

const body = z.object({
  subject: stringField(),
  id: optionalField(positiveIntegerField()),
  version: optionalField(stringOrIntegerField()),
});

const messageOf = (input: unknown) => body.safeParse(input).error?.issues[0]?.message;

describe('scalar body fields', () => {
  it('say a missing field is required and a mistyped one what it must be', () => {
    expect(messageOf({})).toBe('is required');
    expect(messageOf({ subject: 3 })).toBe('must be a string');
    expect(messageOf({ subject: 's', id: 0 })).toBe('must be a positive integer');
    expect(messageOf({ subject: 's', id: 1.5 })).toBe('must be a positive integer');
    expect(messageOf({ subject: 's', version: true })).toBe('must be a string or an integer');
  });

  it('read null optional fields as absent', () => {
    expect(body.parse({ subject: 's', id: null, version: null })).toEqual({
      subject: 's',
      id: undefined,
      version: undefined,
    });
  });
});

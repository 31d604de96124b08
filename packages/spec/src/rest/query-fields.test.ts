import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flagQuery, integerQuery, jsonValueQuery, textQuery } from './query-fields.js';

const query = z.object({
  deleted: flagQuery('d'),
  limit: integerQuery('l'),
  q: textQuery('q', 5),
  value: jsonValueQuery('v'),
});

describe('query fields', () => {
  it('reads flags as true only for true or 1', () => {
    expect(query.parse({ deleted: 'true' }).deleted).toBe(true);
    expect(query.parse({ deleted: '1' }).deleted).toBe(true);
    expect(query.parse({ deleted: 'yes' }).deleted).toBe(false);
    expect(query.parse({}).deleted).toBe(false);
  });

  it('reads integers, treats empty as absent and refuses anything else', () => {
    expect(query.parse({ limit: '10' }).limit).toBe(10);
    expect(query.parse({ limit: '' }).limit).toBeUndefined();
    const refused = query.safeParse({ limit: '-1' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['limit'],
      message: 'must be a non-negative integer',
    });
    expect(query.safeParse({ limit: '1'.repeat(16) }).success).toBe(false);
  });

  it('takes the first value of a repeated key', () => {
    expect(query.parse({ limit: ['3', 'x'] }).limit).toBe(3);
  });

  it('refuses text over its maximum length', () => {
    expect(query.safeParse({ q: 'abcdef' }).error?.issues[0]?.message).toBe(
      'is longer than 5 characters',
    );
  });

  it('reads metadata values as JSON when they parse, else as text', () => {
    expect(query.parse({ value: '1' }).value).toBe(1);
    expect(query.parse({ value: 'plain' }).value).toBe('plain');
  });
});

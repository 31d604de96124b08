import { describe, expect, it } from 'vitest';
import { createInlineSchemaResolver } from './create-inline-schema-resolver.js';

describe('createInlineSchemaResolver', () => {
  const resolver = createInlineSchemaResolver({
    item: {
      1: { type: 'object', required: ['name'] },
      3: { type: 'object', required: ['name', 'price'], properties: { price: { type: 'number' } } },
    },
    tree: {
      1: {
        $ref: '#/$defs/node',
        $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } },
      },
    },
  });

  it('resolves a version, and latest as the highest numeric version', async () => {
    expect(
      (await resolver.resolveSchema({ subject: 'item', version: 1 }))?.validate({ name: 'a' })
        .valid,
    ).toBe(true);
    const latest = await resolver.resolveSchema({ subject: 'item', version: 'latest' });
    expect(latest?.ref).toEqual({ subject: 'item', version: 3 });
    expect(latest?.validate({ name: 'a', price: 'x' }).problems).toEqual([
      { path: '/price', message: 'must be number', keyword: 'type' },
    ]);
  });

  it('points a missing property at the property itself', async () => {
    const schema = await resolver.resolveSchema({ subject: 'item', version: 3 });
    expect(schema?.validate({}).problems.map((p) => p.path)).toEqual(['/name', '/price']);
  });

  it('answers undefined for unknown subjects and versions, including inherited names', async () => {
    expect(await resolver.resolveSchema({ subject: 'nope', version: 1 })).toBeUndefined();
    expect(await resolver.resolveSchema({ subject: 'item', version: 2 })).toBeUndefined();
    expect(await resolver.resolveSchema({ subject: 'constructor', version: 1 })).toBeUndefined();
  });

  it('reports hostile, deeply nested data as invalid instead of overflowing the stack', async () => {
    let data: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) data = { child: data };
    const schema = await resolver.resolveSchema({ subject: 'tree', version: 1 });
    expect(schema?.validate(data)).toEqual({
      valid: false,
      problems: [{ path: '/', message: 'data is nested too deeply to validate', keyword: 'depth' }],
    });
  });
});

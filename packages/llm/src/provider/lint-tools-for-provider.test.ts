import { describe, expect, it } from 'vitest';
import { lintToolsForProvider } from './lint-tools-for-provider.ts';

function tool(name: string, optional: number, extra: Record<string, unknown> = {}) {
  const properties = Object.fromEntries(
    Array.from({ length: optional }, (_, i) => [`o${i}`, { type: 'string' }]),
  );
  return {
    name,
    schema: {
      type: 'object',
      properties: { ...properties, ...extra },
      additionalProperties: false,
    },
  };
}

describe('lintToolsForProvider', () => {
  it('accepts tools whose optional parameters stay within the request limit together', () => {
    const result = lintToolsForProvider([tool('a', 12), tool('b', 12)], 'anthropic');
    expect(result.ok).toBe(true);
    expect(result.tools.map((t) => t.ok)).toEqual([true, true]);
  });

  it('rejects optional parameters summed over strict tools, pointing at the first one over', () => {
    const result = lintToolsForProvider([tool('a', 13), tool('b', 12)], 'anthropic');
    expect(result.issues).toEqual([
      expect.objectContaining({
        rule: 'anthropic/max-optional-parameters',
        path: '/tools/1/schema/properties/o11',
      }),
    ]);
    expect(result.ok).toBe(false);
  });

  it('does not count non-strict tools toward the request limits', () => {
    const result = lintToolsForProvider(
      [tool('a', 13), { ...tool('b', 12), strict: false }],
      'anthropic',
    );
    expect(result.ok).toBe(true);
  });

  it('rejects more than 16 union-typed parameters across tools', () => {
    const unions = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`u${i}`, { type: ['string', 'null'] }]),
      );
    const a = {
      name: 'a',
      schema: {
        type: 'object',
        properties: unions(9),
        required: Object.keys(unions(9)),
        additionalProperties: false,
      },
    };
    const b = {
      name: 'b',
      schema: {
        type: 'object',
        properties: unions(8),
        required: Object.keys(unions(8)),
        additionalProperties: false,
      },
    };
    expect(lintToolsForProvider([a, b], 'anthropic').issues.map((i) => i.rule)).toEqual([
      'anthropic/max-union-parameters',
    ]);
  });

  it('rejects more than 20 strict tools and duplicate names', () => {
    const tools = Array.from({ length: 21 }, (_, i) => tool(`t${i}`, 0));
    expect(lintToolsForProvider(tools, 'anthropic').issues.map((i) => i.rule)).toEqual([
      'anthropic/max-strict-tools',
    ]);
    expect(lintToolsForProvider([tool('x', 0), tool('x', 0)], 'openai').issues).toEqual([
      expect.objectContaining({ rule: 'openai/duplicate-tool-name', path: '/tools/1/name' }),
    ]);
  });

  it('reports the own issues of each tool, including its name', () => {
    const result = lintToolsForProvider(
      [{ name: 'bad.name', schema: { type: 'object', properties: {} } }],
      'openai',
    );
    expect(result.tools[0]!.issues.map((i) => i.rule).sort()).toEqual([
      'openai/additional-properties-false',
      'openai/name-pattern',
    ]);
    expect(result.ok).toBe(false);
  });
});

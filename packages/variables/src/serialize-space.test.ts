import { describe, expect, it } from 'vitest';
import { createLlmSpace } from './create-llm-space.js';
import { parseSpace } from './parse-space.js';
import { serializeSpace } from './serialize-space.js';

describe('serializeSpace', () => {
  it('returns plain JSON that parses back to an equal space', () => {
    const space = createLlmSpace();
    const json = serializeSpace(space);
    expect(Object.isFrozen(json)).toBe(false);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(parseSpace(json)).toEqual(space);
    expect(serializeSpace(parseSpace(json))).toEqual(json);
  });

  it('validates a definition it has not seen', () => {
    expect(serializeSpace({ id: 'x', name: 'X', variables: [] } as never)).toEqual({
      id: 'x',
      name: 'X',
      variables: [],
      dependencies: {},
      constraints: [],
      metadata: {},
      optimization: { objectives: [] },
    });
    expect(() => serializeSpace({ id: 'x' } as never)).toThrowError(
      expect.objectContaining({ code: 'missing_field', path: 'name' }),
    );
  });
});

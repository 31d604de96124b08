import { describe, expect, it } from 'vitest';
import { findJsonCandidates } from './find-json-candidates.ts';

function texts(text: string): string[] {
  return findJsonCandidates(text).map((c) => text.slice(c.start, c.end));
}

describe('findJsonCandidates', () => {
  const table: [string, string, string[]][] = [
    ['a bare object in prose', 'The answer is {"a": 1}.', ['{"a": 1}']],
    ['a json fence', 'x\n```json\n  {"a": 1}  \n```\ny', ['{"a": 1}']],
    ['an unlabelled fence starting like JSON', '```\n[1, 2]\n```', ['[1, 2]']],
    ['a fence in another language', '```python\nprint({"a": 1})\n```', []],
    [
      'several candidates in text order',
      '[1] then {"b": 2} and ```json\n{"c": 3}\n```',
      ['[1]', '{"b": 2}', '{"c": 3}'],
    ],
    ['brackets inside strings', '{"s": "} ]"}', ['{"s": "} ]"}']],
    ['a mismatched bracket skipped', '{ ] {"a": 1}', ['{"a": 1}']],
    ['an unclosed fence (truncated reply)', '```json\n{"a": ', ['{"a":']],
    ['an unclosed bare object', 'so {"a": [1, 2', ['{"a": [1, 2']],
  ];
  for (const [name, text, expected] of table) {
    it(`finds ${name}`, () => {
      expect(texts(text)).toEqual(expected);
    });
  }

  it('marks truncated candidates incomplete', () => {
    expect(findJsonCandidates('```json\n{"a": ').map((c) => c.complete)).toEqual([false]);
    expect(findJsonCandidates('so {"a": [1').map((c) => c.complete)).toEqual([false]);
  });
});

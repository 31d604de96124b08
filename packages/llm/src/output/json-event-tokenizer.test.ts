import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonEventTokenizer } from './json-event-tokenizer.ts';

/** True when the tokenizer, fed `chunks`, ends without a syntax error. */
function accepts(chunks: string[]): boolean {
  let ok = true;
  const tokenizer = createJsonEventTokenizer({
    valueStart() {},
    stringPrefix() {},
    key() {},
    scalar() {},
    containerEnd() {},
    syntaxError() {
      ok = false;
    },
  });
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return ok;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function chunked(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of [...points, text.length]) {
    out.push(text.slice(last, p));
    last = p;
  }
  return out;
}

describe('createJsonEventTokenizer', () => {
  const table: [string, boolean][] = [
    ['{"a": [1, -0.5e+3, true, false, null, "x\\u00e9\\n"]}', true],
    ['  42  ', true],
    ['01', false],
    ['-', false],
    ['1.', false],
    ['1e', false],
    ['[1,]', false],
    ['{"a":1,}', false],
    ['{"a" 1}', false],
    ['"tab\there"', false],
    ['"\\x"', false],
    ['"\\u12g4"', false],
    ['tru', false],
    ['[1] [2]', false],
    ['\uFEFF1', false],
    ['"\\ud800"', true],
    ['', false],
  ];
  for (const [text, valid] of table) {
    it(`${valid ? 'accepts' : 'rejects'} ${JSON.stringify(text)} as JSON.parse does`, () => {
      expect(parses(text)).toBe(valid);
      expect(accepts([text])).toBe(valid);
      expect(accepts([...text])).toBe(valid);
    });
  }

  it('accepts exactly what JSON.parse accepts, however the text is chunked (property)', () => {
    const alphabet = fc.constantFrom(
      ...'{}[]",:0123456789.-+eE tfrulnas\\/\n'.split(''),
      '\\u00',
      'true',
      'null',
      '"a"',
    );
    const noisy = fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''));
    const damaged = fc
      .tuple(
        fc.jsonValue({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom('', ',', '"', '0', ']', '}', ' '),
      )
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i);
      });
    fc.assert(
      fc.property(fc.oneof(noisy, damaged), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        expect(accepts(chunked(text, cuts)), text).toBe(parses(text));
      }),
      { numRuns: 5000 },
    );
  });
});

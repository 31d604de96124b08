import { describe, expect, it } from 'vitest';
import { parseSignature } from './parse-signature.js';
import { SignatureError } from './signature-error.js';

describe('SignatureError', () => {
  it('appends the position to the message and keeps the details as fields', () => {
    const error = new SignatureError('SIGNATURE_SYNTAX', 'expected a field', {
      line: 2,
      column: 5,
      expected: ['field name'],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SignatureError');
    expect(error.message).toBe('expected a field (line 2, column 5)');
    expect(error).toMatchObject({
      code: 'SIGNATURE_SYNTAX',
      line: 2,
      column: 5,
      expected: ['field name'],
    });
  });

  it('serialises to plain JSON without absent details', () => {
    const result = parseSignature('q -> a -> b');
    expect(result.ok || JSON.parse(JSON.stringify(result.error))).toEqual({
      code: 'SIGNATURE_SYNTAX',
      message: "a signature has exactly one '->'; found a second one (line 1, column 8)",
      line: 1,
      column: 8,
      expected: ["':'", "'{'", 'description string', "','", 'end of input'],
    });
  });

  it('has no position for builder errors', () => {
    const error = new SignatureError('SIGNATURE_DUPLICATE_FIELD', 'field "x" is declared twice', {
      path: 'outputs.x',
    });
    expect(error.toJSON()).toEqual({
      code: 'SIGNATURE_DUPLICATE_FIELD',
      message: 'field "x" is declared twice',
      path: 'outputs.x',
    });
  });

  it.each([
    ['LF', 'q,\nc ->\n a b', [3, 4]],
    ['CRLF', 'q,\r\nc ->\r\n a b', [3, 4]],
    ['tabs', 'q ->\t\ta b', [1, 9]],
    ['astral characters in a description', 'q "😀😀😀" -> a b', [1, 14]],
    ['a comment with astral characters', 'q # 😀😀\n -> a b', [2, 7]],
  ])('counts lines and columns with %s', (_name, text, position) => {
    const result = parseSignature(text);
    expect(result.ok || [result.error.line, result.error.column]).toEqual(position);
  });
});

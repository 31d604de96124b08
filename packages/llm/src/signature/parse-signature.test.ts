import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_LIMITS } from './limits.js';
import { parseSignature, parseSignatureOrThrow } from './parse-signature.js';
import { SignatureError } from './signature-error.js';
import { typeToText } from './type-to-text.js';

/** `name: type` of every field, inputs then `->` then outputs, with canonical type text. */
function shape(text: string): string {
  const sig = parseSignatureOrThrow(text);
  const list = (fields: typeof sig.inputs) =>
    fields.map((f) => `${f.name}: ${typeToText(f.type)}`).join(', ');
  return `${list(sig.inputs)} -> ${list(sig.outputs)}`;
}

describe('parseSignature, DSPy form', () => {
  it.each([
    ['question -> answer', 'question: str -> answer: str'],
    [
      'context: list[str], question: str -> answer: str, confidence: float',
      'context: list[str], question: str -> answer: str, confidence: float',
    ],
    ['-> answer', ' -> answer: str'],
    ['a: int, b: bool -> c: dict[str, list[int]]', 'a: int, b: bool -> c: dict[str, list[int]]'],
    ['q -> a: Optional[int]', 'q: str -> a: Optional[int]'],
    ['q -> a: Union[int, str]', 'q: str -> a: Union[int, str]'],
    ['q -> a: Union[int, None]', 'q: str -> a: Optional[int]'],
    ['q -> a: int | None', 'q: str -> a: Optional[int]'],
    ['q -> a: None | int | str', 'q: str -> a: Optional[Union[int, str]]'],
    [
      'q -> a: list[str | int], b: dict[str, float | None]',
      'q: str -> a: list[Union[str, int]], b: dict[str, Optional[float]]',
    ],
    [
      'q -> a: Literal[\'yes\', "no", 1, -2.5, True]',
      "q: str -> a: Literal['yes', 'no', 1, -2.5, True]",
    ],
    ['q -> a: List[Dict[str, Any]]', 'q: str -> a: list[dict]'],
    ['q -> a: list, b: dict', 'q: str -> a: list, b: dict'],
    [
      'v: embedding[768] -> p: probability, c: confidence_score',
      'v: embedding[768] -> p: probability, c: confidence_score',
    ],
    [
      'x: tensor[2, None, 3] -> steps: reasoning_chain',
      'x: tensor[2, None, 3] -> steps: reasoning_chain',
    ],
    ['x: tensor[] -> y: tensor', 'x: tensor[] -> y: tensor'],
    [
      'q -> r: model_response, t: tool_call, k: token_list',
      'q: str -> r: model_response, t: tool_call, k: token_list',
    ],
    ['  q\n  ,\tc\r\n ->\n a  ', 'q: str, c: str -> a: str'],
    ['q # the question\n -> a # the answer', 'q: str -> a: str'],
    ['_private, x2 -> y_', '_private: str, x2: str -> y_: str'],
  ])('%j parses as %j', (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it('reads constraints, tunable marks and descriptions after the type', () => {
    const sig = parseSignatureOrThrow(
      'k: int {min: 1, max: 20, tunable, default: 5} "passages to use", q: str {max_length: 100, pattern: "^[a-z ]+$"} -> a: list[str] {max_items: 3} \'short answers\'',
    );
    expect(sig.inputs[0]).toMatchObject({
      name: 'k',
      type: { kind: 'integer', minimum: 1, maximum: 20 },
      tunable: { default: 5 },
      description: 'passages to use',
    });
    expect(sig.inputs[1]!.type).toEqual({ kind: 'string', maxLength: 100, pattern: '^[a-z ]+$' });
    expect(sig.outputs[0]).toMatchObject({ type: { maxItems: 3 }, description: 'short answers' });
  });

  it('applies constraints of an Optional field to its inner type', () => {
    const sig = parseSignatureOrThrow('q -> n: Optional[int] {min: 0}');
    expect(sig.outputs[0]!.type).toEqual({
      kind: 'optional',
      inner: { kind: 'integer', minimum: 0 },
    });
  });

  it('records where each field starts, counting columns in code points', () => {
    const sig = parseSignatureOrThrow('q: str "😀😀" ,\n  c -> a');
    expect(sig.inputs.map((f) => [f.line, f.column])).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect(sig.outputs[0]).toMatchObject({ line: 2, column: 8 });
  });

  it('takes name, instructions and descriptions from options', () => {
    const sig = parseSignatureOrThrow('q -> a', {
      name: 'qa',
      instructions: 'Answer.',
      instructionCandidates: ['Answer briefly.'],
      descriptions: { a: 'the answer' },
    });
    expect(sig).toMatchObject({
      name: 'qa',
      instructions: 'Answer.',
      instructionCandidates: ['Answer briefly.'],
    });
    expect(sig.outputs[0]!.description).toBe('the answer');
  });

  it('returns a frozen signature', () => {
    const sig = parseSignatureOrThrow('q -> a');
    expect(Object.isFrozen(sig)).toBe(true);
    expect(Object.isFrozen(sig.outputs[0]!.type)).toBe(true);
  });
});

describe('parseSignature, atom form', () => {
  it.each([
    [
      'signature qa: :string question, :list(:string) context -> :string answer, :confidence_score confidence',
      'question: str, context: list[str] -> answer: str, confidence: confidence_score',
    ],
    ['signature s: -> :integer n', ' -> n: int'],
    ['signature s: :map(:list(:float)) m -> :boolean ok', 'm: dict[str, list[float]] -> ok: bool'],
    [
      'signature s: :optional(:integer) n -> :literal("a", 2, true) v',
      "n: Optional[int] -> v: Literal['a', 2, True]",
    ],
    [
      'signature s: :enum("x", "y") e -> :union(:string, nil) u',
      "e: Literal['x', 'y'] -> u: Optional[str]",
    ],
    [
      'signature s: :embedding(384) v, :tensor(2, _) t -> :probability p',
      'v: embedding[384], t: tensor[2, None] -> p: probability',
    ],
    [
      'signature s: :any x -> :token_list k, :reasoning_chain r, :model_response m, :tool_call c',
      'x: Any -> k: token_list, r: reasoning_chain, m: model_response, c: tool_call',
    ],
    ['\n signature\n s\n :\n :string q\n ->\n :string a', 'q: str -> a: str'],
  ])('%j parses as %j', (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it('takes the name and instructions from the header', () => {
    const sig = parseSignatureOrThrow(
      'signature rag "Answer from the context.": :string q -> :string a',
    );
    expect(sig).toMatchObject({ name: 'rag', instructions: 'Answer from the context.' });
  });

  it('reads constraint blocks and descriptions after the field name', () => {
    const sig = parseSignatureOrThrow(
      'signature s: :integer k {min: 1, max: 8, tunable} "top k" -> :embedding(2) v {unit_norm: 0.01}',
    );
    expect(sig.inputs[0]).toMatchObject({
      type: { minimum: 1, maximum: 8 },
      tunable: {},
      description: 'top k',
    });
    expect(sig.outputs[0]!.type).toEqual({
      kind: 'ml',
      name: 'embedding',
      dimension: 2,
      unitNorm: 0.01,
    });
  });

  it('treats a field named signature as the DSPy form', () => {
    expect(shape('signature -> a')).toBe('signature: str -> a: str');
  });
});

interface ErrorCase {
  text: string;
  code: string;
  line?: number;
  column?: number;
  expected?: string[];
  message?: RegExp;
}

const ERRORS: ErrorCase[] = [
  { text: '', code: 'SIGNATURE_SYNTAX', line: 1, column: 1, expected: ['field name'] },
  { text: '   \n  ', code: 'SIGNATURE_SYNTAX', line: 2, column: 3, expected: ['field name'] },
  { text: '->', code: 'SIGNATURE_SYNTAX', line: 1, column: 3, expected: ['field name'] },
  { text: '-> ->', code: 'SIGNATURE_SYNTAX', line: 1, column: 4, expected: ['field name'] },
  { text: '->->->', code: 'SIGNATURE_SYNTAX', line: 1, column: 3 },
  {
    text: 'question',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 9,
    expected: ["':'", "'{'", 'description string', "','", "'->'"],
  },
  {
    text: 'q: str',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 7,
    expected: ["'{'", 'description string', "','", "'->'"],
  },
  {
    text: 'question, context',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 18,
    message: /missing '->'/,
  },
  {
    text: 'signature s: :string q',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 23,
    message: /missing '->'/,
  },
  {
    text: 'a -> b -> c',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 8,
    message: /exactly one '->'/,
  },
  {
    text: 'q -> a b',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 8,
    expected: ["':'", "'{'", 'description string', "','", 'end of input'],
  },
  { text: 'q, -> a', code: 'SIGNATURE_SYNTAX', line: 1, column: 4, expected: ['field name'] },
  { text: 'q -> a,', code: 'SIGNATURE_SYNTAX', line: 1, column: 8, expected: ['field name'] },
  { text: 'q: -> a', code: 'SIGNATURE_SYNTAX', line: 1, column: 4, expected: ['type name'] },
  {
    text: 'q -> a: list[str',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 17,
    expected: ["','", "']'"],
  },
  {
    text: 'q -> a: list[,]',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 14,
    expected: ['type name', 'value'],
  },
  {
    text: 'q -> a: list[]',
    code: 'SIGNATURE_INVALID_TYPE',
    line: 1,
    column: 9,
    message: /exactly one type/,
  },
  {
    text: 'q -> a: Literal[]',
    code: 'SIGNATURE_INVALID_TYPE',
    line: 1,
    column: 9,
    message: /at least one value/,
  },
  { text: 'q -> a: strng', code: 'SIGNATURE_UNKNOWN_TYPE', line: 1, column: 9 },
  {
    text: 'q: dspy.Image -> a',
    code: 'SIGNATURE_UNKNOWN_TYPE',
    line: 1,
    column: 4,
    message: /dspy\.Image/,
  },
  {
    text: 'q -> a: string',
    code: 'SIGNATURE_UNKNOWN_TYPE',
    line: 1,
    column: 9,
    message: /known types: str, int/,
  },
  { text: 'q -> a: str[int]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 13 },
  { text: 'q -> a: list[str, int]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 19 },
  {
    text: 'q -> a: dict[int, str]',
    code: 'SIGNATURE_INVALID_TYPE',
    line: 1,
    column: 14,
    message: /keys must be str/,
  },
  { text: 'q -> a: Optional', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 9 },
  { text: 'q -> a: Literal[str]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 17 },
  {
    text: "q -> a: Literal['x', 'x']",
    code: 'SIGNATURE_INVALID_TYPE',
    line: 1,
    column: 22,
    message: /twice/,
  },
  {
    text: 'q -> a: None',
    code: 'SIGNATURE_INVALID_TYPE',
    line: 1,
    column: 9,
    message: /only a type inside a union/,
  },
  {
    text: 'q -> a: int | 3',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 15,
    expected: ['type name'],
  },
  { text: 'q -> a: int |', code: 'SIGNATURE_SYNTAX', line: 1, column: 14, expected: ['type name'] },
  { text: 'q -> a: Union[int]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 15 },
  { text: 'q -> a: embedding[0]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 19 },
  { text: 'q -> a: embedding[1.5]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 19 },
  { text: 'q -> a: tensor[-1]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 16 },
  { text: 'q -> a: probability[1]', code: 'SIGNATURE_INVALID_TYPE', line: 1, column: 21 },
  {
    text: 'q -> a: Literal[1e999]',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 17,
    message: /out of range/,
  },
  {
    text: 'q, q -> a',
    code: 'SIGNATURE_DUPLICATE_FIELD',
    line: 1,
    column: 4,
    message: /first at line 1, column 1/,
  },
  { text: 'q -> q', code: 'SIGNATURE_DUPLICATE_FIELD', line: 1, column: 6 },
  { text: '__proto__ -> a', code: 'SIGNATURE_INVALID_NAME', line: 1, column: 1 },
  { text: `${'x'.repeat(129)} -> a`, code: 'SIGNATURE_INVALID_NAME', line: 1, column: 1 },
  {
    text: 'q -> a: int {max_length: 3}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    line: 1,
    column: 6,
    message: /applies to str/,
  },
  {
    text: 'q -> a: int {min: 5, max: 1}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    message: /greater than/,
  },
  {
    text: 'q -> a: int {min: 1.5}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    message: /finite integer/,
  },
  {
    text: 'q -> a {pattern: "("}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    message: /regular expression/,
  },
  {
    text: 'q -> a {colour: 1}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    line: 1,
    column: 9,
    message: /unknown constraint/,
  },
  {
    text: 'q -> a {max_length: 1, max_length: 2}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    line: 1,
    column: 24,
    message: /twice/,
  },
  {
    text: 'q -> a {max_length: -1}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    message: /non-negative/,
  },
  {
    text: 'q -> a {max_length 1}',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 20,
    expected: ["','", "'}'"],
  },
  {
    text: 'q -> a {max_length: }',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 21,
    expected: ['number', 'string', 'true', 'false'],
  },
  {
    text: 'q -> a: embedding {unit_norm: 2}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    message: /tolerance/,
  },
  {
    text: 'q -> a: float {unit_norm}',
    code: 'SIGNATURE_INVALID_CONSTRAINT',
    message: /embedding only/,
  },
  {
    text: 'q -> a {tunable}',
    code: 'SIGNATURE_NOT_TUNABLE',
    line: 1,
    column: 6,
    message: /string/,
  },
  {
    text: 'q -> a: int {tunable}',
    code: 'SIGNATURE_NOT_TUNABLE',
    message: /needs both min and max/,
  },
  {
    text: 'q -> a: int {min: 1, max: 5, default: 9}',
    code: 'SIGNATURE_NOT_TUNABLE',
    message: /not a valid variable/,
  },
  {
    text: 'q -> a: float {min: 0, max: 1, log}',
    code: 'SIGNATURE_NOT_TUNABLE',
    message: /not a valid variable/,
  },
  {
    text: 'q -> a: bool {tunable, step: 1}',
    code: 'SIGNATURE_NOT_TUNABLE',
    message: /step and log/,
  },
  {
    text: 'q -> a "unterminated',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 8,
    expected: ['closing "'],
  },
  { text: 'q -> a "bad \\q escape"', code: 'SIGNATURE_SYNTAX', line: 1, column: 13 },
  { text: 'q -> a "line\nbreak"', code: 'SIGNATURE_SYNTAX', line: 1, column: 8 },
  { text: 'é -> a', code: 'SIGNATURE_SYNTAX', line: 1, column: 1, expected: ['field name'] },
  { text: 'q -> 😀', code: 'SIGNATURE_SYNTAX', line: 1, column: 6, message: /'😀'/ },
  { text: 'q\u0000 -> a', code: 'SIGNATURE_SYNTAX', line: 1, column: 2, message: /U\+0000/ },
  { text: '"q" -> a', code: 'SIGNATURE_SYNTAX', line: 1, column: 1, expected: ['field name'] },
  { text: 'q\n\n  -> a\n   b', code: 'SIGNATURE_SYNTAX', line: 4, column: 4 },
  {
    text: 'signature 1: :string q -> :string a',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 11,
    expected: ["':'", "'{'", 'description string', "','", "'->'"],
  },
  {
    text: 'signature qa :string q -> :string a',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 15,
    expected: ['type atom such as :string', "'->'"],
  },
  {
    text: 'signature qa q -> :string a',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 14,
    expected: ['instructions string', "':'"],
  },
  {
    text: 'signature qa: q -> :string a',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 15,
    expected: ['type atom such as :string', "'->'"],
  },
  {
    text: 'signature qa: :string -> :string a',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 23,
    expected: ['field name'],
  },
  {
    text: 'signature qa: :string q ->',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 27,
    expected: ['type atom such as :string'],
  },
  {
    text: 'signature qa: :text q -> :string a',
    code: 'SIGNATURE_UNKNOWN_TYPE',
    line: 1,
    column: 15,
    message: /:text; known types: :string/,
  },
  {
    text: 'signature qa: :str q -> :string a',
    code: 'SIGNATURE_UNKNOWN_TYPE',
    line: 1,
    column: 15,
  },
  {
    text: 'signature qa: :list(:string q -> :string a',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 29,
    expected: ["','", "')'"],
  },
  {
    text: 'signature qa: :list(string) q -> :string a',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 21,
    expected: ['type atom', 'value'],
  },
  {
    text: 'signature qa: :string q -> :string a -> :string b',
    code: 'SIGNATURE_SYNTAX',
    line: 1,
    column: 38,
    message: /exactly one/,
  },
  {
    text: 'signature qa: :string q, :string q -> :string a',
    code: 'SIGNATURE_DUPLICATE_FIELD',
    line: 1,
    column: 34,
  },
];

describe('parseSignature errors', () => {
  it.each(ERRORS)('$text fails with $code', ({ text, code, line, column, expected, message }) => {
    const result = parseSignature(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { error } = result;
    expect(error).toBeInstanceOf(SignatureError);
    expect(error.code).toBe(code);
    if (line !== undefined) expect([error.line, error.column]).toEqual([line, column]);
    if (expected !== undefined) expect(error.expected).toEqual(expected);
    if (message !== undefined) expect(error.message).toMatch(message);
  });

  it('names the unknown type and lists the known ones', () => {
    const result = parseSignature('q -> a: strng');
    expect(result.ok || result.error.toJSON()).toMatchObject({
      code: 'SIGNATURE_UNKNOWN_TYPE',
      typeName: 'strng',
      known: expect.arrayContaining([
        'str',
        'int',
        'list',
        'Literal',
        'embedding',
        'confidence_score',
      ]),
    });
  });

  it('gives the field path of field errors', () => {
    const result = parseSignature('q -> a: int {tunable}');
    expect(result.ok || result.error.path).toBe('outputs.a');
  });

  it('throws the same error from parseSignatureOrThrow', () => {
    expect(() => parseSignatureOrThrow('q -> a -> b')).toThrow(SignatureError);
  });

  it('refuses a description for a field that does not exist', () => {
    expect(() => parseSignatureOrThrow('q -> a', { descriptions: { b: 'x' } })).toThrow(
      /not a field/,
    );
  });

  it('refuses a non-string signature', () => {
    const result = parseSignature(42 as unknown as string);
    expect(result.ok || result.error.code).toBe('SIGNATURE_SYNTAX');
  });
});

describe('parseSignature bounds', () => {
  it('refuses text over 64 KiB before scanning it', () => {
    const text = `q -> a "${'x'.repeat(SIGNATURE_LIMITS.textLength)}"`;
    const result = parseSignature(text);
    expect(result.ok || result.error.code).toBe('SIGNATURE_TOO_LARGE');
  });

  it('accepts nesting at the limit and refuses one level deeper, in both forms', () => {
    const dspy = (n: number) => `q -> a: ${'list['.repeat(n - 1)}str${']'.repeat(n - 1)}`;
    const atom = (n: number) =>
      `signature s: -> ${':list('.repeat(n - 1)}:string${')'.repeat(n - 1)} a`;
    expect(parseSignature(dspy(SIGNATURE_LIMITS.depth)).ok).toBe(true);
    expect(parseSignature(atom(SIGNATURE_LIMITS.depth)).ok).toBe(true);
    for (const text of [dspy(SIGNATURE_LIMITS.depth + 1), atom(SIGNATURE_LIMITS.depth + 1)]) {
      const result = parseSignature(text);
      expect(result.ok || result.error.code).toBe('SIGNATURE_TOO_DEEP');
    }
  });

  it('refuses deep nesting far beyond the limit without overflowing the stack', () => {
    const text = `q -> a: ${'list['.repeat(10_000)}str${']'.repeat(10_000)}`;
    const result = parseSignature(text);
    expect(result.ok || [result.error.code, result.error.line, result.error.column]).toEqual([
      'SIGNATURE_TOO_DEEP',
      1,
      9 + 5 * SIGNATURE_LIMITS.depth,
    ]);
  });

  it('refuses more fields than the limit', () => {
    const names = Array.from({ length: SIGNATURE_LIMITS.fields + 1 }, (_, i) => `f${i}`);
    const result = parseSignature(`${names.join(',')} -> out`);
    expect(result.ok || result.error.code).toBe('SIGNATURE_TOO_LARGE');
  });

  it('refuses a Literal with more values than the limit', () => {
    const values = Array.from({ length: SIGNATURE_LIMITS.literalValues + 1 }, (_, i) => i);
    const result = parseSignature(`q -> a: Literal[${values.join(',')}]`);
    expect(result.ok || result.error.code).toBe('SIGNATURE_INVALID_TYPE');
  });

  it('parses a near-limit signature of many fields quickly and completely', () => {
    const names = Array.from({ length: 900 }, (_, i) => `field_${i}: list[str]`);
    const result = parseSignature(`${names.join(', ')} -> out`);
    expect(result.ok && result.signature.inputs.length).toBe(900);
  });

  it('never throws anything but a SignatureError on arbitrary text', () => {
    const alphabet = fc.constantFrom(
      ...'ab:,->[]{}()\'" \n#_1.:-'.split(''),
      'str',
      'list[',
      'signature ',
      ':list(',
      '😀',
      '\u0000',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        ),
        (text) => {
          const result = parseSignature(text);
          if (!result.ok) {
            expect(result.error).toBeInstanceOf(SignatureError);
            if (result.error.code === 'SIGNATURE_SYNTAX' && result.error.line !== undefined) {
              expect(result.error.line).toBeGreaterThanOrEqual(1);
              expect(result.error.column).toBeGreaterThanOrEqual(1);
              expect(result.error.expected?.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

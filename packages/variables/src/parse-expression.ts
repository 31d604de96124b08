import type { ChoiceValue, Condition, Operand } from './condition.js';
import { LIMITS } from './limits.js';
import { VariableSpaceError } from './variable-space-error.js';

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: 'punct'; text: string; at: number }
  | { type: 'end'; at: number };

const PUNCT = ['=>', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ','];
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const COMPARATORS: Record<string, 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
};

function fail(at: number, message: string): never {
  throw new VariableSpaceError('invalid_expression', '', `expression column ${at + 1}: ${message}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let value = '';
      let j = i + 1;
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) fail(i, 'unterminated string');
      tokens.push({ type: 'string', value, at: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i, i + 400);
    const number = NUMBER.exec(rest);
    if (number && (ch !== '-' || tokens.at(-1)?.type !== 'word')) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ type: 'word', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (!punct) fail(i, `unexpected character "${ch}"`);
    tokens.push({ type: 'punct', text: punct, at: i });
    i += punct.length;
  }
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

/**
 * Parses the constraint expression language into a {@link Condition}; nothing is evaluated.
 * Operators: `== != < <= > >=`, `in [..]`, `not in [..]`, `and`/`&&`, `or`/`||`, `not`/`!`,
 * `A => B` (implication) and `B when A`.
 *
 * @example
 * parseExpression("provider == 'groq' => model in ['llama-3.3-70b', 'mixtral-8x7b']");
 * parseExpression("temperature <= 1.0 when reasoning == 'chain_of_thought'");
 */
export function parseExpression(text: string): Condition {
  if (typeof text !== 'string')
    throw new VariableSpaceError('invalid_type', '', 'expression must be a string');
  if (text.length > LIMITS.expression) {
    throw new VariableSpaceError(
      'too_large',
      '',
      `expression is longer than ${LIMITS.expression} characters`,
    );
  }
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => tokens[pos]!;
  const isWord = (word: string): boolean => {
    const t = peek();
    return t.type === 'word' && t.text === word;
  };
  const isPunct = (p: string): boolean => {
    const t = peek();
    return t.type === 'punct' && t.text === p;
  };
  const expect = (p: string): void => {
    if (!isPunct(p)) fail(peek().at, `expected "${p}"`);
    pos++;
  };

  function implication(): Condition {
    if (++depth > LIMITS.conditionDepth) fail(peek().at, 'expression is nested too deeply');
    const left = disjunction();
    let result = left;
    if (isPunct('=>')) {
      pos++;
      // biome-ignore lint/suspicious/noThenProperty: {when, then} is the documented constraint AST, never awaited
      result = { when: left, then: implication() };
    } else if (isWord('when')) {
      pos++;
      // biome-ignore lint/suspicious/noThenProperty: {when, then} is the documented constraint AST, never awaited
      result = { when: disjunction(), then: left };
    }
    depth--;
    return result;
  }
  function disjunction(): Condition {
    const items = [conjunction()];
    while (isPunct('||') || isWord('or')) {
      pos++;
      items.push(conjunction());
    }
    return items.length === 1 ? items[0]! : { any: items };
  }
  function conjunction(): Condition {
    const items = [unary()];
    while (isPunct('&&') || isWord('and')) {
      pos++;
      items.push(unary());
    }
    return items.length === 1 ? items[0]! : { all: items };
  }
  function unary(): Condition {
    const next = tokens[pos + 1];
    const notKeyword =
      isWord('not') && !(next?.type === 'punct' && Object.hasOwn(COMPARATORS, next.text));
    if (isPunct('!') || notKeyword) {
      pos++;
      if (++depth > LIMITS.conditionDepth) fail(peek().at, 'expression is nested too deeply');
      const inner = unary();
      depth--;
      return { not: inner };
    }
    if (isPunct('(')) {
      pos++;
      const inner = implication();
      expect(')');
      return inner;
    }
    return comparison();
  }
  function comparison(): Condition {
    const t = peek();
    if (t.type !== 'word') fail(t.at, 'expected a variable name');
    pos++;
    const path = t.text;
    if (isWord('in')) {
      pos++;
      return { var: path, in: list() };
    }
    if (isWord('not')) {
      pos++;
      if (!isWord('in')) fail(peek().at, 'expected "in" after "not"');
      pos++;
      return { var: path, nin: list() };
    }
    const op = peek();
    const name = op.type === 'punct' ? COMPARATORS[op.text] : undefined;
    if (!name) fail(op.at, 'expected a comparison operator');
    pos++;
    return { var: path, [name]: operand() } as Condition;
  }
  function literal(): ChoiceValue {
    const t = peek();
    pos++;
    if (t.type === 'string' || t.type === 'number') return t.value;
    if (t.type === 'word' && (t.text === 'true' || t.text === 'false')) return t.text === 'true';
    return fail(t.at, 'expected a string, number or boolean');
  }
  function operand(): Operand {
    const t = peek();
    if (t.type === 'word' && t.text !== 'true' && t.text !== 'false') {
      pos++;
      return { var: t.text };
    }
    return literal();
  }
  function list(): ChoiceValue[] {
    expect('[');
    const values: ChoiceValue[] = [];
    while (!isPunct(']')) {
      if (values.length >= LIMITS.choices) fail(peek().at, 'list is too long');
      values.push(literal());
      if (!isPunct(',')) break;
      pos++;
    }
    expect(']');
    return values;
  }

  const result = implication();
  if (peek().type !== 'end') fail(peek().at, 'unexpected input after the expression');
  return result;
}

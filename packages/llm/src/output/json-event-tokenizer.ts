import { isCompleteNumber, NumberState, startNumber, stepNumber } from './json-number-grammar.ts';

/** The JSON type of a value, known from its first character (numbers: integer or not at the end). */
export type JsonValueKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** Receives the events of a {@link JsonEventTokenizer}; offsets count characters of the whole stream. */
export interface JsonEventHandler {
  /** A value begins (after its key in an object, or as an array item or the root). */
  valueStart(kind: JsonValueKind, offset: number): void;
  /** The decoded prefix of the open string so far (called at the end of each chunk). */
  stringPrefix(prefix: string, isKey: boolean, offset: number): void;
  /** An object key is complete. */
  key(key: string, offset: number): void;
  /** A scalar value is complete; `end` is the offset just after it. */
  scalar(value: string | number | boolean | null, end: number): void;
  /** An object or array closes; `end` is the offset just after the bracket. */
  containerEnd(end: number): void;
  /** The text cannot be JSON (JSON.parse would throw). No more events follow. */
  syntaxError(message: string, offset: number): void;
}

/** An incremental, strict JSON tokenizer: exactly the grammar `JSON.parse` accepts. */
export interface JsonEventTokenizer {
  write(chunk: string): void;
  /** Ends the stream: a trailing number completes, anything unfinished is a syntax error. */
  end(): void;
  /** Characters consumed so far. */
  readonly offset: number;
  /** True once the root value is complete. */
  readonly done: boolean;
  /** Stops tokenizing (a bound was hit): later input is ignored. */
  stop(): void;
}

enum State {
  Value,
  ObjectFirstKey,
  ObjectKey,
  Colon,
  AfterValue,
  String,
  Escape,
  Unicode,
  Number,
  Literal,
  End,
  Failed,
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/**
 * Creates a {@link JsonEventTokenizer} feeding `handler`. It keeps only the open containers, the
 * open string or number, and no document text, so memory is bounded by nesting and token size.
 */
export function createJsonEventTokenizer(handler: JsonEventHandler): JsonEventTokenizer {
  let state: State = State.Value;
  const containers: ('object' | 'array')[] = [];
  let offset = 0;
  let stringIsKey = false;
  let stringValue = '';
  let unicode = '';
  let numberText = '';
  let num: NumberState = NumberState.Sign;
  let literal = '';
  let literalValue: boolean | null = null;
  let literalIndex = 0;

  function fail(message: string, at: number): void {
    state = State.Failed;
    handler.syntaxError(message, at);
  }

  function afterValue(): void {
    state = containers.length === 0 ? State.End : State.AfterValue;
  }

  function startValue(c: string, at: number): boolean {
    switch (c) {
      case '{':
        handler.valueStart('object', at);
        containers.push('object');
        state = State.ObjectFirstKey;
        return true;
      case '[':
        handler.valueStart('array', at);
        containers.push('array');
        state = State.Value;
        arrayStart = true;
        return true;
      case '"':
        handler.valueStart('string', at);
        stringIsKey = false;
        stringValue = '';
        state = State.String;
        return true;
      case 't':
      case 'f':
      case 'n':
        handler.valueStart(c === 'n' ? 'null' : 'boolean', at);
        literal = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
        literalValue = c === 't' ? true : c === 'f' ? false : null;
        literalIndex = 1;
        state = State.Literal;
        return true;
      default:
        if (c === '-' || isDigit(c)) {
          handler.valueStart('number', at);
          numberText = c;
          num = startNumber(c);
          state = State.Number;
          return true;
        }
        return false;
    }
  }

  let arrayStart = false;

  function closeContainer(c: string, at: number): void {
    const open = containers.pop();
    if ((open === 'object') !== (c === '}')) {
      fail(`Unexpected "${c}"`, at);
      return;
    }
    handler.containerEnd(at + 1);
    afterValue();
  }

  /** Ends a number at a terminator; returns false when the number is incomplete. */
  function endNumber(at: number): boolean {
    if (!isCompleteNumber(num)) {
      fail(`Incomplete number "${numberText}"`, at);
      return false;
    }
    handler.scalar(Number(numberText), at);
    afterValue();
    return true;
  }

  function write(chunk: string): void {
    let segment = -1;
    for (let i = 0; i < chunk.length && state !== State.Failed; i++) {
      const c = chunk[i]!;
      const at = offset + i;
      switch (state) {
        case State.String: {
          if (c === '"') {
            if (segment >= 0) stringValue += chunk.slice(segment, i);
            segment = -1;
            if (stringIsKey) {
              handler.key(stringValue, at + 1);
              state = State.Colon;
            } else {
              handler.scalar(stringValue, at + 1);
              afterValue();
            }
          } else if (c === '\\') {
            if (segment >= 0) stringValue += chunk.slice(segment, i);
            segment = -1;
            state = State.Escape;
          } else if (c < ' ') {
            fail('Control character in string', at);
          } else if (segment < 0) segment = i;
          break;
        }
        case State.Escape: {
          if (c === 'u') {
            unicode = '';
            state = State.Unicode;
          } else if (ESCAPES[c] !== undefined) {
            stringValue += ESCAPES[c];
            state = State.String;
          } else fail(`Bad escape "\\${c}"`, at);
          break;
        }
        case State.Unicode: {
          if (!/[0-9a-fA-F]/.test(c)) {
            fail('Bad \\u escape', at);
            break;
          }
          unicode += c;
          if (unicode.length === 4) {
            stringValue += String.fromCharCode(Number.parseInt(unicode, 16));
            state = State.String;
          }
          break;
        }
        case State.Number: {
          const next = stepNumber(num, c);
          if (next !== undefined) {
            num = next;
            numberText += c;
            break;
          }
          if (!endNumber(at)) break;
          i--; // the terminator belongs to the next state
          break;
        }
        case State.Literal: {
          if (c !== literal[literalIndex]) {
            fail(`Unexpected "${c}" in literal ${literal}`, at);
            break;
          }
          if (++literalIndex === literal.length) {
            handler.scalar(literalValue, at + 1);
            afterValue();
          }
          break;
        }
        default:
          if (isWhitespace(c)) break;
          structural(c, at);
      }
    }
    if (state === State.String && segment >= 0) stringValue += chunk.slice(segment);
    offset += chunk.length;
    if (state === State.String || state === State.Escape || state === State.Unicode) {
      handler.stringPrefix(stringValue, stringIsKey, offset);
    }
  }

  function structural(c: string, at: number): void {
    switch (state) {
      case State.Value: {
        const wasArrayStart = arrayStart;
        arrayStart = false;
        if (c === ']' && wasArrayStart) closeContainer(c, at);
        else if (!startValue(c, at)) fail(`Unexpected "${c}"`, at);
        return;
      }
      case State.ObjectFirstKey:
      case State.ObjectKey:
        if (c === '"') {
          stringIsKey = true;
          stringValue = '';
          state = State.String;
        } else if (c === '}' && state === State.ObjectFirstKey) closeContainer(c, at);
        else fail(`Expected a property name, found "${c}"`, at);
        return;
      case State.Colon:
        if (c === ':') state = State.Value;
        else fail(`Expected ":", found "${c}"`, at);
        return;
      case State.AfterValue:
        if (c === ',')
          state = containers[containers.length - 1] === 'object' ? State.ObjectKey : State.Value;
        else if (c === '}' || c === ']') closeContainer(c, at);
        else fail(`Expected "," or a closing bracket, found "${c}"`, at);
        return;
      case State.End:
        fail(`Unexpected "${c}" after the JSON value`, at);
        return;
      default:
        return;
    }
  }

  return {
    write,
    end() {
      if (state === State.Number) endNumber(offset);
      if (state !== State.End && state !== State.Failed) fail('Unexpected end of JSON', offset);
    },
    get offset() {
      return offset;
    },
    get done() {
      return state === State.End;
    },
    stop() {
      state = State.Failed;
    },
  };
}

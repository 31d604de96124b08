import { pointer } from '../provider/walk-schema.ts';
import { compileOutputValidator } from './compile-output-validator.ts';
import { createJsonEventTokenizer, type JsonValueKind } from './json-event-tokenizer.ts';
import { OUTPUT_ERROR_CODES } from './output-error.ts';
import { type OutputValidationError, toOutputValidationErrors } from './output-validation-error.ts';
import { createSchemaLocator, type Location, TYPE_BITS } from './schema-locator.ts';
import { compileSchemaRegExp, type SchemaRegExp } from './schema-reg-exp.ts';
import {
  checkArrayEnd,
  checkCount,
  checkKey,
  checkKeyPrefix,
  checkObjectEnd,
  checkScalar,
  checkStringPrefix,
  type StreamViolation,
  typeNames,
} from './streaming-checks.ts';

import type {
  CompletedField,
  StreamingValidator,
  StreamingValidatorOptions,
  StreamingVerdict,
} from './streaming-validator.ts';

interface Frame {
  readonly kind: 'object' | 'array';
  readonly location: Location;
  readonly path: string;
  readonly keys: Set<string>;
  count: number;
  pendingKey: string | undefined;
  /** Stream offset where the value of the current top-level field started (root frame only). */
  fieldStart: number;
}

const KIND_BITS: Record<JsonValueKind, number> = {
  object: TYPE_BITS.object,
  array: TYPE_BITS.array,
  string: TYPE_BITS.string,
  number: TYPE_BITS.number | TYPE_BITS.integer,
  boolean: TYPE_BITS.boolean,
  null: TYPE_BITS.null,
};

/**
 * Creates a validator fed the chunks of a streamed JSON reply (structured-output mode: the
 * stream is the JSON document itself). It reports the first violation as soon as the prefix
 * proves the document cannot become valid (a syntax error; a wrong type at a path; an unknown
 * property of a closed object, even from a key prefix; a string no enum value starts with; a
 * string over `maxLength`; too many items; a number out of range; a missing required property
 * when its object closes), and yields top-level fields as they close.
 *
 * Sound by construction: each check uses only keywords that must all hold at that location
 * (`properties`, `items`, `allOf`, local `$ref`, ...), and ignores what it cannot decide
 * (`not`, `if`, `oneOf` exclusivity, `pattern`), so a reported violation always means the
 * full validator rejects the document. One caveat: with a duplicate key, `JSON.parse` keeps the
 * last value, so a violation inside an earlier duplicate can be overridden; models do not emit
 * duplicate keys. The end-of-stream verdict is the full validator's.
 *
 * @example
 * ```ts
 * const stream = createStreamingValidator({ type: 'object', properties: { mood: { enum: ['happy', 'sad'] } } });
 * stream.push('{"mood": "ha').violation; // undefined: "happy" is still possible
 * stream.push('ngry"').violation; // { path: '/mood', keyword: 'enum', ... }
 * ```
 */
export function createStreamingValidator(
  schema: unknown,
  options: StreamingValidatorOptions = {},
): StreamingValidator {
  // Compiled up front so a bad schema fails here, not at the end of a stream.
  const validate = options.validate ?? compileOutputValidator(schema);
  const locator = createSchemaLocator(schema);
  const maxLength = options.maxLength ?? 1_000_000;
  const maxDepth = options.maxDepth ?? 256;
  const patterns = new Map<string, SchemaRegExp | undefined>();
  const stack: Frame[] = [];
  let text = '';
  let violation: StreamViolation | undefined;
  let scalar: { location: Location; path: string; mask: number } | undefined;
  let fields: CompletedField[] = [];
  let stopped = false;
  let ended: StreamingVerdict | undefined;

  function report(found: Omit<StreamViolation, 'offset'> | undefined, offset: number): void {
    if (found !== undefined && violation === undefined) violation = { ...found, offset };
  }

  function matches(source: string, key: string): boolean | undefined {
    if (!patterns.has(source)) {
      try {
        patterns.set(source, compileSchemaRegExp(source));
      } catch {
        patterns.set(source, undefined);
      }
    }
    return patterns.get(source)?.test(key);
  }

  /** Location and path of the value starting now; counts array items. */
  function nextLocation(): { location: Location; path: string } {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return { location: locator.root, path: '' };
    if (parent.kind === 'object') {
      const key = parent.pendingKey ?? '';
      return { location: locator.property(parent.location, key), path: pointer(parent.path, key) };
    }
    const index = parent.count++;
    if (violation === undefined)
      report(checkCount(parent.location, parent.path, parent.count, 'array'), tokenizer.offset);
    return { location: locator.item(parent.location, index), path: pointer(parent.path, index) };
  }

  /** Yields a value that just closed when it is a direct child of the root container. */
  function completeField(value: () => unknown): void {
    const root = stack[0];
    if (stack.length !== 1 || root === undefined) return;
    const key = root.kind === 'object' ? (root.pendingKey ?? '') : root.count - 1;
    fields.push({ key, path: pointer('', key), value: value() });
  }

  const tokenizer = createJsonEventTokenizer({
    valueStart(kind, offset) {
      const { location, path } = nextLocation();
      const root = stack[0];
      if (stack.length === 1 && root !== undefined) root.fieldStart = offset;
      const mask = violation === undefined ? locator.allowedTypes(location) : 0;
      if (violation === undefined && (mask & KIND_BITS[kind]) === 0) {
        report(
          {
            path,
            keyword: 'type',
            message: `a ${kind} is not allowed here`,
            expected: typeNames(mask),
          },
          offset + 1,
        );
      }
      if (kind === 'object' || kind === 'array') {
        if (stack.length >= maxDepth) {
          report(
            {
              path,
              keyword: 'maxDepth',
              code: OUTPUT_ERROR_CODES.OUTPUT_TOO_DEEP,
              message: `nesting deeper than ${maxDepth}`,
            },
            offset + 1,
          );
          stopped = true;
          tokenizer.stop();
        }
        stack.push({
          kind,
          location,
          path,
          keys: new Set(),
          count: 0,
          pendingKey: undefined,
          fieldStart: -1,
        });
      } else {
        scalar = { location, path, mask };
      }
    },
    stringPrefix(prefix, isKey, offset) {
      if (violation !== undefined) return;
      const top = stack[stack.length - 1];
      if (isKey && top !== undefined)
        report(checkKeyPrefix(top.location, top.path, prefix), offset);
      else if (!isKey && scalar !== undefined)
        report(checkStringPrefix(scalar.location, scalar.path, prefix), offset);
    },
    key(key, offset) {
      const top = stack[stack.length - 1]!;
      top.pendingKey = key;
      top.keys.add(key);
      if (violation !== undefined) return;
      report(checkKey(top.location, top.path, key, matches), offset);
      report(checkCount(top.location, top.path, top.keys.size, 'object'), offset);
    },
    scalar(value, end) {
      if (scalar !== undefined && violation === undefined) {
        if (typeof value === 'string')
          report(checkStringPrefix(scalar.location, scalar.path, value), end);
        report(checkScalar(scalar.location, scalar.path, value, scalar.mask), end);
      }
      scalar = undefined;
      completeField(() => value);
    },
    containerEnd(end) {
      const frame = stack.pop()!;
      if (violation === undefined) {
        if (frame.kind === 'object')
          report(checkObjectEnd(frame.location, frame.path, frame.keys), end);
        else report(checkArrayEnd(frame.location, frame.path, frame.count), end);
      }
      const root = stack[0];
      if (root !== undefined) completeField(() => JSON.parse(text.slice(root.fieldStart, end)));
    },
    syntaxError(message, offset) {
      report(
        {
          path: currentPath(),
          keyword: 'syntax',
          code: OUTPUT_ERROR_CODES.OUTPUT_INVALID_JSON,
          message,
        },
        offset,
      );
      stopped = true;
    },
  });

  function currentPath(): string {
    return scalar?.path ?? stack[stack.length - 1]?.path ?? '';
  }

  const validator: StreamingValidator = {
    push(chunk) {
      if (stopped || ended !== undefined) return { fields: [], violation };
      if (text.length + chunk.length > maxLength) {
        report(
          {
            path: '',
            keyword: 'maxLength',
            code: OUTPUT_ERROR_CODES.OUTPUT_TOO_LARGE,
            message: `the stream exceeds ${maxLength} characters`,
          },
          text.length,
        );
        stopped = true;
        return { fields: [], violation };
      }
      text += chunk;
      tokenizer.write(chunk);
      const out = fields;
      fields = [];
      return { fields: out, violation };
    },
    end() {
      if (ended !== undefined) return ended;
      if (!stopped) tokenizer.end();
      let data: unknown;
      let parsed = false;
      try {
        data = JSON.parse(text);
        parsed = true;
      } catch {
        data = undefined;
      }
      let errors: OutputValidationError[] = [];
      let valid = false;
      if (parsed && violation?.code === undefined) {
        valid = validate(data);
        errors = valid ? [] : toOutputValidationErrors(validate.errors);
      }
      if (violation !== undefined) valid = false;
      if (errors.length === 0 && violation !== undefined) {
        errors = [
          {
            path: violation.path,
            keyword: violation.code ?? violation.keyword,
            message: violation.message,
            ...(violation.expected === undefined ? {} : { expected: violation.expected }),
          },
        ];
      }
      ended = { valid, data, errors, violation };
      return ended;
    },
    get violation() {
      return violation;
    },
  };
  return validator;
}

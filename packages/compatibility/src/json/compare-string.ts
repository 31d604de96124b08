import { checkLowerBound, checkUpperBound } from './compare-bounds.js';
import { type CompareContext, issue, type Violations } from './compare-context.js';

/** String keywords: maxLength, minLength, pattern. @internal */
export function compareString(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  const out = [
    ...checkUpperBound(context, {
      old: writer.maxLength,
      new: reader.maxLength,
      rules: { keyword: 'maxLength', added: 'MAX_LENGTH_ADDED', tightened: 'MAX_LENGTH_DECREASED' },
    }),
    ...checkLowerBound(context, {
      old: writer.minLength,
      new: reader.minLength,
      rules: { keyword: 'minLength', added: 'MIN_LENGTH_ADDED', tightened: 'MIN_LENGTH_INCREASED' },
    }),
  ];
  if (typeof reader.pattern === 'string' && reader.pattern !== writer.pattern) {
    out.push(
      ...(typeof writer.pattern === 'string'
        ? issue(
            context,
            'PATTERN_CHANGED',
            (labels) =>
              `pattern is '${reader.pattern}' in the ${labels.reader} schema but '${writer.pattern}' in the ${labels.writer} schema`,
            'keep the old pattern',
          )
        : issue(
            context,
            'PATTERN_ADDED',
            (labels) =>
              `The ${labels.reader} schema has pattern '${reader.pattern}'; the ${labels.writer} schema has none`,
            'remove the pattern',
          )),
    );
  }
  return out;
}

/** Adding or changing a string `format` may reject old values (validators assert formats). @internal */
export function compareFormat(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
): Violations {
  if (typeof reader.format !== 'string' || reader.format === writer.format) return [];
  if (typeof writer.format === 'string') {
    return issue(
      context,
      'FORMAT_CHANGED',
      (labels) =>
        `format is '${reader.format}' in the ${labels.reader} schema but '${writer.format}' in the ${labels.writer} schema`,
      'keep the old format',
    );
  }
  return issue(
    context,
    'FORMAT_ADDED',
    (labels) =>
      `The ${labels.reader} schema has format '${reader.format}'; the ${labels.writer} schema has none`,
    'remove the format',
  );
}

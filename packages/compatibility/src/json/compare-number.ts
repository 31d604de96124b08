import { type CompareContext, issue, type Violations } from './compare-context.js';
import { type NumericBound, numericBoundOf } from './json-draft.js';

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function checkBound(
  context: CompareContext,
  side: 'upper' | 'lower',
  oldBound?: NumericBound,
  newBound?: NumericBound,
) {
  if (!newBound) return [];
  const name = side === 'upper' ? 'MAXIMUM' : 'MINIMUM';
  const keyword = `${newBound.exclusive ? 'exclusive' : ''}${side === 'upper' ? 'Maximum' : 'Minimum'}`;
  const label = keyword.charAt(0).toLowerCase() + keyword.slice(1);
  const rulePrefix = newBound.exclusive ? `EXCLUSIVE_${name}` : name;
  if (!oldBound) {
    return issue(
      context,
      `${rulePrefix}_ADDED`,
      ({ reader, writer }) =>
        `The ${reader} schema has ${label} ${newBound.value}; the ${writer} schema has no such bound`,
      `remove ${label}`,
    );
  }
  const beyond =
    side === 'upper' ? newBound.value < oldBound.value : newBound.value > oldBound.value;
  const sameButExclusive =
    newBound.value === oldBound.value && newBound.exclusive && !oldBound.exclusive;
  if (!beyond && !sameButExclusive) return [];
  const verb = side === 'upper' ? 'DECREASED' : 'INCREASED';
  return issue(
    context,
    `${rulePrefix}_${verb}`,
    ({ reader, writer }) =>
      `The ${reader} schema's ${label} ${newBound.value} is tighter than the ${writer} schema's bound ${oldBound.value}${oldBound.exclusive ? ' (exclusive)' : ''}`,
    `keep the old ${side === 'upper' ? 'maximum' : 'minimum'} ${oldBound.value}`,
  );
}

function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** Numeric keywords: maximum, minimum, exclusive*, multipleOf. @internal */
export function compareNumber(
  context: CompareContext,
  writer: Record<string, unknown>,
  reader: Record<string, unknown>,
  oldIsInteger: boolean,
): Violations {
  const out = [
    ...checkBound(
      context,
      'upper',
      numericBoundOf(writer, 'upper', context.writer.draftAt(writer)),
      numericBoundOf(reader, 'upper', context.reader.draftAt(reader)),
    ),
    ...checkBound(
      context,
      'lower',
      numericBoundOf(writer, 'lower', context.writer.draftAt(writer)),
      numericBoundOf(reader, 'lower', context.reader.draftAt(reader)),
    ),
  ];
  const newStep = num(reader.multipleOf);
  const oldStep = num(writer.multipleOf);
  if (newStep === undefined || newStep <= 0) return out;
  if (oldStep === undefined) {
    if (!(oldIsInteger && isWhole(1 / newStep))) {
      out.push(
        ...issue(
          context,
          'MULTIPLE_OF_ADDED',
          ({ reader, writer }) =>
            `The ${reader} schema has multipleOf ${newStep}; the ${writer} schema has none`,
          'remove multipleOf',
        ),
      );
    }
  } else if (!isWhole(oldStep / newStep)) {
    const expanded = isWhole(newStep / oldStep);
    out.push(
      ...issue(
        context,
        expanded ? 'MULTIPLE_OF_EXPANDED' : 'MULTIPLE_OF_CHANGED',
        ({ reader, writer }) =>
          `multipleOf is ${newStep} in the ${reader} schema and ${oldStep} in the ${writer} schema; ${writer} values need not be multiples of ${newStep}`,
        `use a divisor of ${oldStep} (e.g. ${oldStep})`,
      ),
    );
  }
  return out;
}

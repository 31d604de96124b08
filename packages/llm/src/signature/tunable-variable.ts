import {
  type ChoiceVariable,
  type FloatVariable,
  type IntegerVariable,
  type JsonObject,
  parseSpace,
  VariableSpaceError,
} from '@llmsr/variables';
import type { FieldType } from './field-type.js';
import type { TunableSpec } from './signature.js';
import { SignatureError, type SignatureErrorDetails } from './signature-error.js';

/** The variable a tunable field becomes. */
export type FieldVariable = IntegerVariable | FloatVariable | ChoiceVariable;

/**
 * Builds the `@llmsr/variables` variable of a tunable field and checks it with the variables
 * package itself, so a signature never yields a fragment `parseSpace` would refuse; returns it
 * in that package's normal form. Throws
 * `SIGNATURE_NOT_TUNABLE` (with `where`) when the type has no finite range or value set or the
 * variables package rejects the definition.
 */
export function tunableVariable(
  name: string,
  type: FieldType,
  spec: TunableSpec,
  options: { description?: string; metadata: JsonObject; where: SignatureErrorDetails },
): FieldVariable {
  const { where } = options;
  const fail = (message: string): never => {
    throw new SignatureError('SIGNATURE_NOT_TUNABLE', `field "${name}" ${message}`, where);
  };
  const base = type.kind === 'optional' ? type.inner : type;
  const common = { name, metadata: options.metadata, hints: { tunable: true } };
  let variable: FieldVariable;
  if (base.kind === 'integer' || base.kind === 'float') {
    if (base.minimum === undefined || base.maximum === undefined)
      return fail('is tunable, so it needs both min and max');
    const range = {
      min: base.minimum,
      max: base.maximum,
      log: spec.log ?? false,
      default: (spec.default ?? base.minimum) as number,
    };
    variable =
      base.kind === 'integer'
        ? { ...common, kind: 'integer', ...range, step: spec.step ?? 1 }
        : {
            ...common,
            kind: 'float',
            ...range,
            ...(spec.step === undefined ? {} : { step: spec.step }),
          };
  } else if (base.kind === 'boolean' || base.kind === 'literal') {
    if (spec.step !== undefined || spec.log !== undefined)
      fail('has a value list, so step and log do not apply');
    const values = base.kind === 'boolean' ? [true, false] : base.values;
    variable = { ...common, kind: 'choice', values, default: spec.default ?? values[0]! };
  } else {
    return fail(
      `has type ${base.kind}; only bounded int/float, bool and Literal fields are tunable`,
    );
  }
  if (options.description !== undefined) variable.description = options.description;
  try {
    // The variables package's own normal form (grids snapped, defaults filled) is what we return.
    return parseSpace({ id: 'check', name: 'check', variables: [variable] })
      .variables[0] as FieldVariable;
  } catch (error) {
    if (error instanceof VariableSpaceError) fail(`is not a valid variable: ${error.message}`);
    throw error;
  }
}

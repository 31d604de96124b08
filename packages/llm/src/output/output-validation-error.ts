import type { ErrorObject } from 'ajv';
import { pointer } from '../provider/walk-schema.ts';

/** One reason the data does not match the schema. */
export interface OutputValidationError {
  /** JSON pointer into the data (for a missing or extra property, the property's own path). */
  readonly path: string;
  /** The failing JSON Schema keyword (`type`, `enum`, `required`, ...), or an output error code. */
  readonly keyword: string;
  readonly message: string;
  /** What was expected, in words: `integer`, `one of "a", "b"`, `string (required)`. */
  readonly expected?: string;
  /** The value found, as JSON (shortened). */
  readonly received?: string;
}

/** Most errors reported per result: a retry prompt needs the first few, not thousands. */
export const MAX_REPORTED_ERRORS = 50;

function shortJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return undefined;
  }
}

function list(values: unknown): string {
  return Array.isArray(values)
    ? values.map((v) => shortJson(v)).join(', ')
    : String(shortJson(values));
}

/** Maps ajv errors (compiled with `verbose`) to {@link OutputValidationError}s. */
export function toOutputValidationErrors(
  errors: readonly ErrorObject[] | null | undefined,
): OutputValidationError[] {
  const out: OutputValidationError[] = [];
  for (const error of (errors ?? []).slice(0, MAX_REPORTED_ERRORS)) {
    const params = error.params as Record<string, unknown>;
    const base = {
      path: error.instancePath,
      keyword: error.keyword,
      message: error.message ?? error.keyword,
    };
    const received = shortJson(error.data);
    switch (error.keyword) {
      case 'required': {
        const name = String(params.missingProperty);
        const properties = (
          error.parentSchema as { properties?: Record<string, { type?: unknown }> } | undefined
        )?.properties;
        const type = properties?.[name]?.type;
        out.push({
          ...base,
          path: pointer(error.instancePath, name),
          message: 'is required but missing',
          expected:
            type === undefined ? 'a value' : Array.isArray(type) ? type.join(' or ') : String(type),
        });
        break;
      }
      case 'additionalProperties':
      case 'unevaluatedProperties':
        out.push({
          ...base,
          path: pointer(
            error.instancePath,
            String(params.additionalProperty ?? params.unevaluatedProperty),
          ),
          message: 'is not allowed',
          expected: 'no such property',
        });
        break;
      case 'type':
        out.push({
          ...base,
          expected: Array.isArray(params.type) ? params.type.join(' or ') : String(params.type),
          ...(received === undefined ? {} : { received }),
        });
        break;
      case 'enum':
        out.push({
          ...base,
          expected: `one of ${list(params.allowedValues)}`,
          ...(received === undefined ? {} : { received }),
        });
        break;
      case 'const':
        out.push({
          ...base,
          expected: String(shortJson(params.allowedValue)),
          ...(received === undefined ? {} : { received }),
        });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        out.push({
          ...base,
          expected: `${String(params.comparison)} ${String(params.limit)}`,
          ...(received === undefined ? {} : { received }),
        });
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems': {
        const unit = error.keyword.endsWith('Length') ? 'characters' : 'items';
        const bound = error.keyword.startsWith('min') ? 'at least' : 'at most';
        out.push({
          ...base,
          expected: `${bound} ${String(params.limit)} ${unit}`,
          ...(received === undefined ? {} : { received }),
        });
        break;
      }
      case 'pattern':
        out.push({
          ...base,
          expected: `a string matching ${String(params.pattern)}`,
          ...(received === undefined ? {} : { received }),
        });
        break;
      case 'format':
        out.push({
          ...base,
          expected: `format ${String(params.format)}`,
          ...(received === undefined ? {} : { received }),
        });
        break;
      default:
        out.push({ ...base, ...(received === undefined ? {} : { received }) });
    }
  }
  return out;
}

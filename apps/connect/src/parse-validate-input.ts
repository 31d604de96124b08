import type { Value } from '@bufbuild/protobuf/wkt';
import { RegistryError, type ValidateDataInput } from '@llmsr/core';
import type { ValidateDataRequest } from '@llmsr/proto';
import { ValueToJsonError, valueToJson } from './value-to-json.js';

/** The registry input of a `ValidateDataRequest`: its selector, its data as JSON, its options. */
export function parseValidateInput(request: ValidateDataRequest): ValidateDataInput {
  const input: ValidateDataInput = {
    ...parseSelector(request.selector),
    data: parseValue(request.data, 'data'),
    strict: request.strict,
  };
  if (request.messageName !== '') input.messageName = request.messageName;
  return input;
}

function parseSelector(selector: ValidateDataRequest['selector']) {
  switch (selector.case) {
    case 'schemaId':
      return { schemaId: selector.value };
    case 'guid':
      return { schemaId: selector.value };
    case 'subjectVersion':
      return {
        subject: selector.value.subject,
        version: selector.value.version === '' ? 'latest' : selector.value.version,
      };
    default:
      throw new RegistryError(
        'INVALID_INPUT',
        'Say which schema to validate against: schema_id, guid or subject_version',
        { field: 'selector' },
      );
  }
}

/** A `google.protobuf.Value` as JSON; absent or kind-less values are INVALID_INPUT. */
export function parseValue(value: Value | undefined, field: string): unknown {
  if (value === undefined) {
    throw new RegistryError('INVALID_INPUT', `${field} is required`, { field });
  }
  try {
    return valueToJson(value);
  } catch (error) {
    const where =
      error instanceof ValueToJsonError && error.path.length > 0
        ? `${field}/${error.path.join('/')}`
        : field;
    const why = error instanceof ValueToJsonError ? `: ${error.message}` : '';
    throw new RegistryError(
      'INVALID_INPUT',
      `${where} is not a JSON value${why}`,
      { field: where },
      { cause: error },
    );
  }
}

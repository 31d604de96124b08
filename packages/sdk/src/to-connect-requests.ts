import {
  fromJson,
  type JsonObject,
  type JsonValue,
  type MessageInitShape,
} from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import {
  type CheckCompatibilityRequestSchema,
  CompatibilityLevel,
  type RegisterSchemaRequestSchema,
  SchemaType,
  type ValidateDataRequestSchema,
  type ValidateSchemaRequestSchema,
} from '@llmsr/proto';
import { ERROR_REST_STATUS, isCompatibilityLevel, isSchemaType } from '@llmsr/spec';
import { checkInput, checkSubject } from './check-input.js';
import type {
  CompatibilityCheckInput,
  RegisterInput,
  SchemaReference,
  ValidateInput,
  ValidateSchemaInput,
} from './client-types.js';
import { RegistryClientError } from './registry-client-error.js';

function invalid(message: string, field: string): RegistryClientError {
  return new RegistryClientError('INVALID_ARGUMENT', message, undefined, { field });
}

/** A value as JSON would carry it over REST (undefined fields dropped, NaN as null), or undefined. */
function asJson(value: unknown, field: string): JsonValue | undefined {
  if (value === undefined) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw invalid(`${field} cannot be sent as JSON (${(error as Error).message})`, field);
  }
  return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
}

/** Schema text: strings as they are, anything else as its JSON text. */
function schemaText(schema: unknown): string {
  if (typeof schema === 'string') return schema;
  const json = asJson(schema, 'schema');
  return json === undefined ? '' : JSON.stringify(json);
}

function schemaType(value: unknown): SchemaType {
  if (value === undefined) return SchemaType.UNSPECIFIED;
  if (isSchemaType(value)) return SchemaType[value];
  throw invalid(
    `schemaType must be JSON, AVRO or PROTOBUF, got ${JSON.stringify(value)}`,
    'schemaType',
  );
}

function level(value: unknown, field: string): CompatibilityLevel {
  if (value === undefined) return CompatibilityLevel.UNSPECIFIED;
  const name = typeof value === 'string' ? value.toUpperCase() : '';
  if (isCompatibilityLevel(name)) return CompatibilityLevel[name];
  // The code and status the server gives an unknown level over REST.
  throw new RegistryClientError(
    'INVALID_COMPATIBILITY_LEVEL',
    `Unknown compatibility level ${JSON.stringify(value)}`,
    ERROR_REST_STATUS.INVALID_COMPATIBILITY_LEVEL,
    { field },
  );
}

function references(value: SchemaReference[] | undefined) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('references must be an array', 'references');
  return value.map((ref, index) => {
    const field = `references[${index}]`;
    checkInput(ref, field);
    if (typeof ref.name !== 'string' || typeof ref.subject !== 'string') {
      throw invalid(`${field} needs a string name and subject`, field);
    }
    if (!Number.isInteger(ref.version) || ref.version < -1 || ref.version > 2_147_483_647) {
      throw invalid(`${field}.version must be an integer`, `${field}.version`);
    }
    return { name: ref.name, subject: ref.subject, version: ref.version };
  });
}

function optionalString(value: unknown, field: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalid(`${field} must be a string`, field);
  return value;
}

/** The `RegisterSchemaRequest` of a registration; `createdBy` has no field in the RPC. */
export function toRegisterRequest(
  input: RegisterInput,
): MessageInitShape<typeof RegisterSchemaRequestSchema> {
  checkInput(input, 'input');
  if (input.createdBy !== undefined) {
    throw new RegistryClientError(
      'NOT_SUPPORTED_BY_TRANSPORT',
      "createdBy cannot be sent over transport 'connect' (RegisterSchema has no such field); use transport 'rest'",
      undefined,
      { field: 'createdBy', transport: 'connect' },
    );
  }
  const metadata = asJson(input.metadata, 'metadata');
  if (
    metadata !== undefined &&
    (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata))
  ) {
    throw invalid('metadata must be an object', 'metadata');
  }
  return {
    subject: checkSubject(input.subject),
    schema: schemaText(input.schema),
    schemaType: schemaType(input.schemaType),
    compatibilityLevel: level(input.compatibilityLevel, 'compatibilityLevel'),
    ...(metadata !== undefined ? { metadata: metadata as JsonObject } : {}),
    references: references(input.references),
    semver: optionalString(input.semver, 'semver'),
  };
}

/** A version selector as text (`''` for latest). */
function versionText(version: unknown, field: string): string {
  if (version === undefined) return '';
  if (typeof version === 'number' || typeof version === 'string') return String(version);
  throw invalid(`${field} must be a number or a string`, field);
}

/** The `ValidateDataRequest` of a validation. */
export function toValidateRequest(
  input: ValidateInput,
): MessageInitShape<typeof ValidateDataRequestSchema> {
  checkInput(input, 'input');
  let selector: MessageInitShape<typeof ValidateDataRequestSchema>['selector'];
  if ('schemaId' in input) {
    const id = input.schemaId;
    if (typeof id === 'number' || (typeof id === 'string' && /^[1-9]\d{0,9}$/.test(id))) {
      const n = Number(id);
      if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) {
        throw invalid('schemaId must be a positive integer or a guid', 'schemaId');
      }
      selector = { case: 'schemaId', value: n };
    } else if (typeof id === 'string' && id !== '') {
      selector = { case: 'guid', value: id };
    } else {
      throw invalid('schemaId must be a positive integer or a guid', 'schemaId');
    }
  } else {
    selector = {
      case: 'subjectVersion',
      value: {
        subject: checkSubject(input.subject),
        version: versionText(input.version, 'version'),
      },
    };
  }
  const data = asJson(input.data, 'data');
  if (input.strict !== undefined && typeof input.strict !== 'boolean') {
    throw invalid('strict must be a boolean', 'strict');
  }
  return {
    selector,
    ...(data !== undefined ? { data: fromJson(ValueSchema, data) } : {}),
    strict: input.strict ?? false,
    messageName: optionalString(input.messageName, 'messageName'),
  };
}

/** The `ValidateSchemaRequest` of a schema check. */
export function toValidateSchemaRequest(
  input: ValidateSchemaInput,
): MessageInitShape<typeof ValidateSchemaRequestSchema> {
  checkInput(input, 'input');
  return {
    schema: schemaText(input.schema),
    schemaType: schemaType(input.schemaType),
    references: references(input.references),
  };
}

/** The `CheckCompatibilityRequest` of a compatibility check. */
export function toCheckCompatibilityRequest(
  input: CompatibilityCheckInput,
): MessageInitShape<typeof CheckCompatibilityRequestSchema> {
  checkInput(input, 'input');
  return {
    subject: checkSubject(input.subject),
    schema: schemaText(input.schema),
    schemaType: schemaType(input.schemaType),
    references: references(input.references),
    level: level(input.level, 'level'),
    version: versionText(input.version, 'version'),
  };
}

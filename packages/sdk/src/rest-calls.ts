import type {
  CompatibilityCheckRequest,
  CompileSignatureRequest,
  ConfigUpdateRequest,
  RegisterRequest,
  ValidateDataRequest,
  ValidateSchemaRequest,
} from '@llmsr/spec/rest';
import { checkInput, checkSubject } from './check-input.js';
import type { HttpTransport } from './http-transport.js';
import {
  toCompatibilityResult,
  toCompiledSignature,
  toDataValidation,
  toEffectiveConfig,
  toRegisteredSchema,
  toSchemaById,
  toSchemaValidation,
  toSchemaVersion,
  toSchemaVersions,
  toStoredConfig,
  toSubjectList,
} from './map-responses.js';
import type { RemoteCalls } from './remote-calls.js';
import { searchSchemas } from './search-schemas.js';
import { subscribeToChanges } from './subscribe-to-changes.js';

const seg = encodeURIComponent;

/** The {@link RemoteCalls} of the native REST API (`/api/v1`). */
export function createRestCalls(http: HttpTransport): RemoteCalls {
  return {
    async register(input, call = {}) {
      checkInput(input, 'input');
      const body: RegisterRequest = {
        subject: checkSubject(input.subject),
        schema: input.schema,
        schema_type: input.schemaType,
        compatibility_level: input.compatibilityLevel,
        metadata: input.metadata,
        references: input.references,
        version: input.semver,
        created_by: input.createdBy,
        lint_for: input.lintFor,
        lint_mode: input.lintMode,
      };
      return toRegisteredSchema(
        await http.json('POST', '/api/v1/schemas', { body, signal: call.signal }),
      );
    },
    async getSchema(idOrGuid, call = {}) {
      const path = `/api/v1/schemas/${seg(String(idOrGuid))}`;
      return toSchemaById(await http.json('GET', path, { signal: call.signal }));
    },
    async getVersion(subject, version = 'latest', call = {}) {
      const path = `/api/v1/subjects/${seg(checkSubject(subject))}/versions/${seg(String(version))}`;
      return toSchemaVersion(await http.json('GET', path, { signal: call.signal }));
    },
    async listSubjects(call = {}) {
      const body = await http.json('GET', '/api/v1/subjects', {
        query: { deleted: call.deleted ? 'true' : undefined, prefix: call.prefix },
        signal: call.signal,
      });
      return toSubjectList(body);
    },
    async listVersions(subject, call = {}) {
      const body = await http.json(
        'GET',
        `/api/v1/subjects/${seg(checkSubject(subject))}/versions`,
        {
          query: { deleted: call.deleted ? 'true' : undefined },
          signal: call.signal,
        },
      );
      return toSchemaVersions(body);
    },
    async validate(input, call = {}) {
      checkInput(input, 'input');
      const body: ValidateDataRequest = {
        data: input.data,
        strict: input.strict,
        message_name: input.messageName,
        ...('schemaId' in input
          ? { schema_id: input.schemaId }
          : { subject: checkSubject(input.subject), version: input.version }),
      };
      return toDataValidation(
        await http.json('POST', '/api/v1/validate/data', { body, signal: call.signal }),
      );
    },
    async validateSchema(input, call = {}) {
      checkInput(input, 'input');
      const body: ValidateSchemaRequest = {
        schema: input.schema,
        schema_type: input.schemaType,
        references: input.references,
      };
      return toSchemaValidation(
        await http.json('POST', '/api/v1/validate/schema', { body, signal: call.signal }),
      );
    },
    async checkCompatibility(input, call = {}) {
      checkInput(input, 'input');
      const body: CompatibilityCheckRequest = {
        subject: checkSubject(input.subject),
        schema: input.schema,
        schema_type: input.schemaType,
        references: input.references,
        level: input.level,
        version: input.version,
      };
      return toCompatibilityResult(
        await http.json('POST', '/api/v1/compatibility/check', { body, signal: call.signal }),
      );
    },
    async compileSignature(signature, call = {}) {
      if (typeof signature !== 'string') checkInput(signature, 'signature');
      const body: CompileSignatureRequest = { signature, inline_ml_types: call.inlineMlTypes };
      return toCompiledSignature(
        await http.json('POST', '/api/v1/llm/signatures/compile', { body, signal: call.signal }),
      );
    },
    async getConfig(subject, call = {}) {
      const path =
        subject === undefined ? '/api/v1/config' : `/api/v1/config/${seg(checkSubject(subject))}`;
      return toEffectiveConfig(await http.json('GET', path, { signal: call.signal }));
    },
    async setConfig(input, call = {}) {
      checkInput(input, 'input');
      const path =
        input.subject === undefined
          ? '/api/v1/config'
          : `/api/v1/config/${seg(checkSubject(input.subject))}`;
      const body: ConfigUpdateRequest = {
        compatibility_level: input.compatibilityLevel,
        mode: input.mode,
      };
      return toStoredConfig(await http.json('PUT', path, { body, signal: call.signal }));
    },
    search(input, call = {}) {
      return searchSchemas(http, input, call.signal);
    },
    subscribe(subscribeOptions) {
      return subscribeToChanges(http, subscribeOptions);
    },
  };
}

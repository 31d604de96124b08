import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  ChangeType,
  CompatibilityLevel,
  CompatibilityReportSchema,
  SchemaSchema,
  SchemaType,
  StreamSchemaChangesResponseSchema,
  ViolationDirection,
  ViolationSeverity,
} from '@llmsr/proto';
import { describe, expect, it } from 'vitest';
import {
  fromChangeMessage,
  fromCompatibilityReport,
  fromSchemaMessage,
  fromSchemaMessageById,
  levelName,
} from './map-connect-messages.js';

const at = '2026-01-02T03:04:05.678Z';

describe('Connect message mapping', () => {
  it('maps a Schema message to the REST shape: JSON values, ISO dates, nulls for unset fields', () => {
    const message = create(SchemaSchema, {
      id: 4,
      guid: 'g-4',
      subject: 's',
      version: 2,
      semver: '1.1.0',
      schemaType: SchemaType.AVRO,
      schema: '{"type":"string"}',
      fingerprint: 'f',
      createdAt: timestampFromDate(new Date(at)),
      compatibilityLevel: CompatibilityLevel.FULL,
    });
    expect(fromSchemaMessage(message)).toEqual({
      id: 4,
      guid: 'g-4',
      subject: 's',
      version: 2,
      semver: '1.1.0',
      schemaType: 'AVRO',
      schema: { type: 'string' },
      fingerprint: 'f',
      references: [],
      metadata: null,
      compatibilityLevel: 'FULL',
      createdAt: at,
      createdBy: null,
      deletedAt: null,
    });
  });

  it('keeps Protobuf schemas and unparsable JSON as text', () => {
    const proto = create(SchemaSchema, { schemaType: SchemaType.PROTOBUF, schema: '{"a":1}' });
    expect(fromSchemaMessage(proto).schema).toBe('{"a":1}');
    const broken = create(SchemaSchema, { schemaType: SchemaType.JSON, schema: '{nope' });
    expect(fromSchemaMessage(broken).schema).toBe('{nope');
  });

  it('refuses a schema type or level outside the enums as INVALID_RESPONSE', () => {
    expect(() => fromSchemaMessage(create(SchemaSchema, { schemaType: 99 as SchemaType }))).toThrow(
      expect.objectContaining({ code: 'INVALID_RESPONSE' }),
    );
    expect(() => levelName(42 as CompatibilityLevel)).toThrow(
      expect.objectContaining({ code: 'INVALID_RESPONSE' }),
    );
    expect(levelName(CompatibilityLevel.UNSPECIFIED)).toBeNull();
  });

  it('maps a schema by id without a live version to null subject and no versions', () => {
    const byId = fromSchemaMessageById(
      create(SchemaSchema, { id: 9, schemaType: SchemaType.JSON }),
    );
    expect(byId).toMatchObject({ id: 9, subject: null, version: null, semver: null, versions: [] });
  });

  it('maps violations: empty strings and zero versions become undefined, enums become words', () => {
    const report = create(CompatibilityReportSchema, {
      compatible: false,
      level: CompatibilityLevel.BACKWARD,
      comparedVersions: [1, 2],
      violations: [
        {
          rule: 'R',
          path: '/a',
          message: 'm',
          severity: ViolationSeverity.WARNING,
          direction: ViolationDirection.FORWARD,
        },
      ],
    });
    expect(fromCompatibilityReport(report)).toEqual({
      compatible: false,
      level: 'BACKWARD',
      comparedVersions: [1, 2],
      violations: [
        {
          rule: 'R',
          path: '/a',
          oldPath: undefined,
          message: 'm',
          severity: 'warning',
          direction: 'forward',
          comparedVersion: undefined,
          fix: undefined,
        },
      ],
    });
  });

  it('maps change messages to the SSE event shape', () => {
    const config = create(StreamSchemaChangesResponseSchema, {
      id: 7n,
      type: ChangeType.CONFIG_CHANGED,
      at: timestampFromDate(new Date(at)),
    });
    expect(fromChangeMessage(config)).toEqual({
      id: '7',
      event: 'config.changed',
      data: { id: 7, type: 'config.changed', subject: null, at },
    });
    const unknown = create(StreamSchemaChangesResponseSchema, { id: 8n, type: 42 as ChangeType });
    expect(fromChangeMessage(unknown).event).toBe('unknown.42');
  });
});

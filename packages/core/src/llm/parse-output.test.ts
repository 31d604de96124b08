import { describe, expect, it } from 'vitest';
import { codeOf, useTestRegistry } from '../../test/create-test-registry.js';
import { MAX_OUTPUT_TEXT } from './parse-output.js';

const person = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    role: { enum: ['admin', 'user'] },
  },
  required: ['name', 'age'],
  additionalProperties: false,
};

describe('registry.llm.parseOutput', () => {
  const registry = useTestRegistry();
  const registerPerson = () => registry.schemas.register({ subject: 'person', schema: person });

  it('takes the JSON from a fenced block, repairs it and validates it', async () => {
    const { version } = await registerPerson();
    const result = await registry.llm.parseOutput({
      subject: 'person',
      text: 'Sure!\n```json\n{"name": "Ada", "age": 36,}\n```\nAnything else?',
    });
    expect(result).toMatchObject({ valid: true, data: { name: 'Ada', age: 36 } });
    expect(result.schemaId).toBe(version.id);
    expect(result.repairs.map((r) => r.kind)).toEqual(['extract', 'syntax']);
    expect(result.repairPrompt).toBeUndefined();
    expect(result.candidates).toEqual([expect.objectContaining({ source: 'fence', chosen: true })]);
  });

  it('coerces "42" to an integer only when asked', async () => {
    const { version } = await registerPerson();
    const text = '{"name": "Ada", "age": "36"}';
    const plain = await registry.llm.parseOutput({ schemaId: version.id, text });
    expect(plain.valid).toBe(false);
    const coerced = await registry.llm.parseOutput({ schemaId: version.id, text, coerce: true });
    expect(coerced).toMatchObject({ valid: true, data: { age: 36 } });
  });

  it('reports missing, unknown and out-of-enum fields with paths, through the registry validator', async () => {
    await registerPerson();
    const result = await registry.llm.parseOutput({
      subject: 'person',
      text: '{"name": "Ada", "role": "root", "extra": 1}',
    });
    expect(result.valid).toBe(false);
    expect(result.code).toBe('OUTPUT_SCHEMA_MISMATCH');
    expect(result.errors.map((e) => [e.path, e.keyword])).toEqual(
      expect.arrayContaining([
        ['/age', 'required'],
        ['/extra', 'additionalProperties'],
        ['/role', 'enum'],
      ]),
    );
    expect(result.repairPrompt).toContain('"/age": add this missing property');
    expect(result.repairPrompt).toContain('"/extra": remove this property');
  });

  it('answers valid:false with OUTPUT_NO_JSON for prose', async () => {
    await registerPerson();
    const result = await registry.llm.parseOutput({ subject: 'person', text: 'I cannot help.' });
    expect(result).toMatchObject({ valid: false, code: 'OUTPUT_NO_JSON', candidates: [] });
    expect(result.repairPrompt).toContain('no JSON');
  });

  it('refuses text over the limit with PAYLOAD_TOO_LARGE before reading the schema', async () => {
    const text = 'x'.repeat(MAX_OUTPUT_TEXT + 1);
    expect(await codeOf(registry.llm.parseOutput({ subject: 'nobody', text }))).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('fails with SUBJECT_NOT_FOUND for an unknown subject and INVALID_INPUT without a selector', async () => {
    expect(await codeOf(registry.llm.parseOutput({ subject: 'nobody', text: '{}' }))).toBe(
      'SUBJECT_NOT_FOUND',
    );
    expect(await codeOf(registry.llm.parseOutput({ text: '{}' }))).toBe('INVALID_INPUT');
  });

  it('says what was expected and received for a self-contained schema', async () => {
    await registerPerson();
    const result = await registry.llm.parseOutput({
      subject: 'person',
      text: '{"name": 7, "age": 1}',
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: '/name',
        keyword: 'type',
        expected: 'string',
        received: '7',
      }),
    ]);
    expect(result.repairPrompt).toContain('"/name": must be string (got 7)');
  });

  it('validates under the draft recorded at registration (draft-07 tuple items)', async () => {
    await registry.schemas.register({
      subject: 'pair',
      schema: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
    });
    expect((await registry.llm.parseOutput({ subject: 'pair', text: '["a", 1]' })).valid).toBe(
      true,
    );
    const bad = await registry.llm.parseOutput({ subject: 'pair', text: '[1, 1]' });
    expect(bad.errors.map((e) => [e.path, e.keyword])).toEqual([['/0', 'type']]);
  });

  it('resolves references of the registered schema when validating', async () => {
    await registry.schemas.register({
      subject: 'address',
      schema: {
        $id: 'address.json',
        type: 'object',
        properties: { zip: { type: 'string' }, kind: { enum: ['home', 'work'] } },
      },
    });
    await registry.schemas.register({
      subject: 'customer',
      schema: { type: 'object', properties: { address: { $ref: 'address.json' } } },
      references: [{ name: 'address.json', subject: 'address', version: 1 }],
    });
    const ok = await registry.llm.parseOutput({
      subject: 'customer',
      text: '{"address": {"zip": "75001"}}',
    });
    expect(ok.valid).toBe(true);
    const bad = await registry.llm.parseOutput({
      subject: 'customer',
      text: '{"address": {"zip": 75001}}',
    });
    expect(bad.errors.map((e) => [e.path, e.keyword])).toEqual([['/address/zip', 'type']]);
    expect(bad.repairPrompt).toContain('"/address/zip": must be string');
    // The registry's validator keeps ajv's message, not the allowed values: the prompt quotes it.
    const miss = await registry.llm.parseOutput({
      subject: 'customer',
      text: '{"address": {"kind": "moon"}}',
    });
    expect(miss.errors).toEqual([
      {
        path: '/address/kind',
        keyword: 'enum',
        message: 'must be equal to one of the allowed values',
      },
    ]);
    expect(miss.repairPrompt).toContain(
      '"/address/kind": must be equal to one of the allowed values',
    );
  });
});

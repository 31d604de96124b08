import { describe, expect, it } from 'vitest';
import { useTestRegistry } from './create-test-registry.js';

const person = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name'],
  additionalProperties: false,
};

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

describe('registering schemas', () => {
  const registry = useTestRegistry();

  it('gives the first version number 1, semver 1.0.0 and a global id', async () => {
    const { created, version } = await registry.schemas.register({
      subject: 'people',
      schema: person,
    });
    expect(created).toBe(true);
    expect(version).toMatchObject({
      subject: 'people',
      version: 1,
      semver: '1.0.0',
      schemaType: 'JSON',
    });
    expect(version.id).toBeGreaterThan(0);
    expect(version.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(version.guid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the existing version when the same content is registered again, whatever its formatting', async () => {
    const first = await registry.schemas.register({ subject: 'people', schema: person });
    const again = await registry.schemas.register({
      subject: 'people',
      schema: JSON.stringify(person, null, 4),
    });
    expect(again.created).toBe(false);
    expect(again.version.version).toBe(1);
    expect(again.version.id).toBe(first.version.id);
  });

  it('shares one global id between subjects registering the same content', async () => {
    const a = await registry.schemas.register({ subject: 'a', schema: person });
    const b = await registry.schemas.register({ subject: 'b', schema: person });
    expect(b.version.id).toBe(a.version.id);
    const view = await registry.schemas.getOrThrow(a.version.id);
    expect(view.versions.map((v) => v.subject).sort()).toEqual(['a', 'b']);
  });

  it('bumps minor for a compatible structural change and patch for an annotation change', async () => {
    await registry.schemas.register({ subject: 'people', schema: person });
    const withEmail = {
      ...person,
      properties: { ...person.properties, email: { type: 'string' } },
    };
    const minor = await registry.schemas.register({ subject: 'people', schema: withEmail });
    expect(minor.version).toMatchObject({ version: 2, semver: '1.1.0' });
    const annotated = { ...withEmail, description: 'A person' };
    const patch = await registry.schemas.register({ subject: 'people', schema: annotated });
    expect(patch.version).toMatchObject({ version: 3, semver: '1.1.1' });
  });

  it('refuses an incompatible schema under BACKWARD with the compatibility report', async () => {
    await registry.schemas.register({ subject: 'people', schema: person });
    const narrowed = { ...person, required: ['name', 'age'] };
    const error = await rejection(
      registry.schemas.register({ subject: 'people', schema: narrowed }),
    );
    expect(error.code).toBe('INCOMPATIBLE_SCHEMA');
    const report = error.details.report as { compatible: boolean; violations: unknown[] };
    expect(report.compatible).toBe(false);
    expect(report.violations.length).toBeGreaterThan(0);
    expect(await registry.subjects.versions('people')).toHaveLength(1);
  });

  it('accepts an incompatible schema under NONE and bumps the major version', async () => {
    await registry.config.set('people', { compatibilityLevel: 'NONE' });
    await registry.schemas.register({ subject: 'people', schema: person });
    const narrowed = { ...person, required: ['name', 'age'] };
    const { version } = await registry.schemas.register({ subject: 'people', schema: narrowed });
    expect(version).toMatchObject({ version: 2, semver: '2.0.0', compatibilityLevel: 'NONE' });
  });

  it('lets a client choose a higher semver and refuses a lower one', async () => {
    await registry.schemas.register({ subject: 'people', schema: person, semver: '3.0.0' });
    const withEmail = {
      ...person,
      properties: { ...person.properties, email: { type: 'string' } },
    };
    const error = await rejection(
      registry.schemas.register({ subject: 'people', schema: withEmail, semver: '2.9.9' }),
    );
    expect(error.code).toBe('INVALID_VERSION');
    const ok = await registry.schemas.register({
      subject: 'people',
      schema: withEmail,
      semver: '3.5.0',
    });
    expect(ok.version.semver).toBe('3.5.0');
  });

  it('answers INVALID_SCHEMA with the location of the problem', async () => {
    const error = await rejection(
      registry.schemas.register({
        subject: 'bad',
        schema: { type: 'object', properties: { a: { type: 'strin' } } },
      }),
    );
    expect(error.code).toBe('INVALID_SCHEMA');
    const problems = error.details.problems as { path: string }[];
    expect(problems[0]?.path).toContain('/properties/a');
  });

  it('rejects malformed input with INVALID_INPUT naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: '', schema: person }, 'subject'],
      [{ subject: 'x'.repeat(5000), schema: person }, 'subject'],
      [{ subject: 'a\u0000b', schema: person }, 'subject'],
      [{ subject: 's', schema: undefined }, 'schema'],
      [{ subject: 's', schema: person, schemaType: 'XML' }, 'schema_type'],
      [{ subject: 's', schema: person, metadata: [1, 2] }, 'metadata'],
      [{ subject: 's', schema: person, references: 'nope' }, 'references'],
      [{ subject: 's', schema: person, references: [{ name: 'x' }] }, 'references[0]'],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(registry.schemas.register(input as never));
      expect(error.code, JSON.stringify(input).slice(0, 80)).toBe('INVALID_INPUT');
      expect(error.details.field).toBe(field);
    }
  });

  it('refuses writes in READONLY mode and chosen ids outside IMPORT mode', async () => {
    await registry.config.set('people', { mode: 'READONLY' });
    expect(
      (await rejection(registry.schemas.register({ subject: 'people', schema: person }))).code,
    ).toBe('OPERATION_NOT_PERMITTED');
    expect(
      (await rejection(registry.schemas.register({ subject: 'other', schema: person, id: 99 })))
        .code,
    ).toBe('OPERATION_NOT_PERMITTED');
  });

  it('keeps ids and versions chosen in IMPORT mode', async () => {
    await registry.config.set(null, { mode: 'IMPORT' });
    const { version } = await registry.schemas.register({
      subject: 'imported',
      schema: person,
      id: 42,
      version: 7,
    });
    expect(version).toMatchObject({ id: 42, version: 7 });
  });

  it('emits a change event for each registration', async () => {
    const events: string[] = [];
    registry.events.subscribe((event) => events.push(event.type));
    await registry.schemas.register({ subject: 'people', schema: person });
    await registry.schemas.register({ subject: 'people', schema: person });
    expect(events).toEqual(['schema.registered']);
  });

  it('resolves references by name and refuses a missing one naming it', async () => {
    const address = {
      $id: 'https://example.com/address.json',
      type: 'object',
      properties: { city: { type: 'string' } },
    };
    await registry.schemas.register({ subject: 'address', schema: address });
    const withRef = {
      type: 'object',
      properties: { home: { $ref: 'https://example.com/address.json' } },
    };
    const references = [
      { name: 'https://example.com/address.json', subject: 'address', version: 1 },
    ];
    const { version } = await registry.schemas.register({
      subject: 'customer',
      schema: withRef,
      references,
    });
    expect(version.references).toEqual(references);
    const invalid = await registry.validation.validate({
      schemaId: version.id,
      data: { home: { city: 5 } },
    });
    expect(invalid.valid).toBe(false);
    const missing = await rejection(
      registry.schemas.register({
        subject: 'customer2',
        schema: withRef,
        references: [{ name: 'https://example.com/address.json', subject: 'nowhere', version: 1 }],
      }),
    );
    expect(missing.code).toBe('INVALID_SCHEMA');
    expect(missing.message).toContain('nowhere');
  });
});

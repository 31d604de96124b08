import type { RunningRegistry as RunningServer } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON, PERSON_BREAKING, PERSON_V2, USER_AVRO } from './fixtures.js';
import { runAt, startMemoryServer } from './run-in-process.js';

let server: RunningServer;
let url: string;
const run = (argv: string[], options?: Parameters<typeof runAt>[2]) => runAt(url, argv, options);

beforeAll(async () => {
  server = await startMemoryServer();
  url = `http://127.0.0.1:${server.port}`;
  await run(
    [
      'register',
      '-s',
      'people',
      '--metadata',
      '{"description":"People of the CRM","tags":["crm"]}',
    ],
    {
      stdin: PERSON,
    },
  );
  await run(
    ['register', '-s', 'users', '-t', 'avro', '--metadata', '{"description":"Login accounts"}'],
    {
      stdin: USER_AVRO,
    },
  );
});
afterAll(() => server.close());

describe('check', () => {
  it('exits 0 for a compatible schema', async () => {
    const result = await run(['check', '-', '-s', 'people'], { stdin: PERSON_V2 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^compatible \(BACKWARD\) with version 1\n$/);
  });

  it('exits 1 with the violations for an incompatible one', async () => {
    const result = await run(['check', '-', '-s', 'people', '--json'], { stdin: PERSON_BREAKING });
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout);
    expect(verdict.compatible).toBe(false);
    expect(verdict.violations.length).toBeGreaterThan(0);
    const human = await run(['check', '-', '-s', 'people'], { stdin: PERSON_BREAKING });
    expect(human.stdout).toMatch(/^incompatible \(BACKWARD\)[^\n]*\n {2}- .+\[/);
  });

  it('checks at another level when asked', async () => {
    const result = await run(['check', '-', '-s', 'people', '--level', 'NONE'], {
      stdin: PERSON_BREAKING,
    });
    expect(result.code).toBe(0);
  });

  it('exits 2 without --subject, and on an unknown option', async () => {
    expect((await run(['check', '-'], { stdin: PERSON })).code).toBe(2);
    const unknown = await run(['check', '-', '-s', 'people', '--frobnicate'], { stdin: PERSON });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--frobnicate');
  });
});

describe('search', () => {
  it('finds schemas by words in their descriptions', async () => {
    const result = await run(['search', 'crm']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^1 match\n {2}people v1 \(id \d+, JSON\) {2}People of the CRM\n$/,
    );
  });

  it('filters by type and returns JSON for scripts', async () => {
    const result = await run(['search', '--type', 'avro', '--json']);
    const found = JSON.parse(result.stdout);
    expect(found.items.map((hit: { subject: string }) => hit.subject)).toEqual(['users']);
  });

  it('exits 2 on a limit that is not a number', async () => {
    const result = await run(['search', 'x', '--limit', 'ten']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--limit must be a non-negative integer');
  });
});

describe('config', () => {
  it('reads the global configuration with the effective values', async () => {
    const result = await run(['config', 'get']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe(
      'global: compatibility BACKWARD (inherited), mode READWRITE (inherited)\n',
    );
  });

  it("sets and reads a subject's level", async () => {
    const set = await run(['config', 'set', '-s', 'people', '--level', 'full']);
    expect(set.code).toBe(0);
    const got = JSON.parse((await run(['config', 'get', '-s', 'people', '--json'])).stdout);
    expect(got).toMatchObject({ subject: 'people', compatibilityLevel: 'FULL' });
  });

  it('exits 1 on a level the registry does not know', async () => {
    const result = await run(['config', 'set', '--level', 'SIDEWAYS']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('INVALID_COMPATIBILITY_LEVEL');
  });

  it('exits 2 on a missing action or nothing to set', async () => {
    expect((await run(['config'])).stderr).toContain("expected 'config get' or 'config set'");
    expect((await run(['config', 'set'])).stderr).toContain('needs --level and/or --mode');
    expect((await run(['config', 'delete'])).code).toBe(2);
  });
});

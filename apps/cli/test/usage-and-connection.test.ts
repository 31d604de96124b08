import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/index.js';
import { PERSON } from './fixtures.js';
import { runAt } from './run-in-process.js';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('help and usage', () => {
  it('prints the command list for --help (exit 0) and without a command (exit 2)', async () => {
    const help = await runAt(undefined, ['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toContain(`  ${command.name} `);
    const none = await runAt(undefined, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: llmsr <command>');
  });

  it.each(COMMANDS.map((command) => command.name))(
    'answers %s --help with its options',
    async (name) => {
      const result = await runAt(undefined, [name, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: llmsr ${name} `));
      expect(result.stdout).toContain('--url <url>');
    },
  );

  it('exits 2 on an unknown command', async () => {
    const result = await runAt(undefined, ['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 on an option missing its value, with the usage', async () => {
    const result = await runAt(undefined, ['get', '--subject']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: llmsr get');
  });

  it('exits 2 on a URL that is not http(s)', async () => {
    const bad = await runAt(undefined, ['versions', '--url', 'not a url']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--url is not a URL');
    const ftp = await runAt('ftp://example.com', ['versions']);
    expect(ftp.stderr).toContain('must be http:// or https://');
  });

  it('exits 2 on hostile arguments rather than crashing', async () => {
    const long = 'x'.repeat(100_000);
    expect(
      (await runAt(undefined, ['get', '--subject', long, '--url', `http://${long}`])).code,
    ).toBe(2);
    expect((await runAt(undefined, ['search', '--limit', '-1'])).code).toBe(2);
    expect((await runAt(undefined, ['search', '--limit', '1e400'])).code).toBe(2);
    expect((await runAt(undefined, ['register', '-s', 'x', '--references', '{"a":1}'])).code).toBe(
      2,
    );
  });
});

describe('an unreachable registry', () => {
  it.each([
    ['versions', []],
    ['get', ['1']],
    ['config', ['get']],
    ['export', []],
    ['search', ['people']],
  ] as [string, string[]][])('makes %s exit 2 with the URL it tried', async (name, args) => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await runAt(url, [name, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot reach the registry at ${url}`);
    expect(result.stderr).toContain('NETWORK_ERROR');
  });

  it('makes register, validate, check and import exit 2 too, with --json on stdout', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const register = await runAt(url, ['register', '-s', 'p', '--json'], { stdin: PERSON });
    expect(register.code).toBe(2);
    expect(JSON.parse(register.stdout)).toMatchObject({ error_code: 'NETWORK_ERROR' });
    expect((await runAt(url, ['validate', '--id', '1', '--data', '{}'])).code).toBe(2);
    expect((await runAt(url, ['check', '-s', 'p'], { stdin: PERSON })).code).toBe(2);
    expect((await runAt(url, ['import'], { stdin: '{}' })).code).toBe(2);
  });
});

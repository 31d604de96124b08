import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SchemaRegistryService } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const protoDir = join(packageDir, '../../proto');
const bin = join(packageDir, 'node_modules/.bin');
const GENERATED = 'llmsr/registry/v1/registry_pb.ts';
const out = mkdtempSync(join(tmpdir(), 'llmsr-proto-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Run buf from the npm package, with protoc-gen-es on the PATH. */
function buf(args: string[]): string {
  return execFileSync(join(bin, 'buf'), args, {
    cwd: protoDir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
}

describe('the committed generated code', () => {
  it('passes buf lint', () => {
    expect(buf(['lint'])).toBe('');
  });

  it('equals what buf generates from the .proto now (run `pnpm --filter @llmsr/proto generate`)', () => {
    const template = JSON.stringify({
      version: 'v2',
      plugins: [{ local: 'protoc-gen-es', out, opt: ['target=ts', 'import_extension=js'] }],
    });
    buf(['generate', '--template', template]);
    const fresh = readFileSync(join(out, GENERATED), 'utf8');
    const committed = readFileSync(join(packageDir, 'src/gen', GENERATED), 'utf8');
    expect(committed).toBe(fresh);
  });

  it('describes the nine RPCs with their streaming kinds', () => {
    const kinds = Object.fromEntries(
      SchemaRegistryService.methods.map((method) => [method.name, method.methodKind]),
    );
    expect(kinds).toEqual({
      RegisterSchema: 'unary',
      GetSchema: 'unary',
      ListSchemas: 'server_streaming',
      ValidateData: 'unary',
      ValidateSchema: 'unary',
      CheckCompatibility: 'unary',
      BatchValidate: 'bidi_streaming',
      BatchRegister: 'bidi_streaming',
      StreamSchemaChanges: 'server_streaming',
    });
  });
});

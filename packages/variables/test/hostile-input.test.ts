import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const space = api.createLlmSpace();
const cyclic: Record<string, unknown> = { id: 'c', name: 'C' };
cyclic.variables = [cyclic];
const throwing = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
    ownKeys() {
      throw new Error('trap');
    },
  },
);

/** Values every public function must answer with a result or a VariableSpaceError. */
const HOSTILE: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a 10 MB string', 'x'.repeat(10_000_000)],
  ['an array of a million items', new Array(1_000_000).fill(1)],
  ['a __proto__ object', JSON.parse('{"__proto__": {"x": 1}}')],
  ['a cyclic object', cyclic],
  ['a throwing proxy', throwing],
  ['a function', () => 1],
  ['a symbol', Symbol('s')],
];

const CALLS: [string, (value: unknown) => unknown][] = [
  ['parseSpace', (v) => api.parseSpace(v)],
  ['serializeSpace', (v) => api.serializeSpace(v as never)],
  ['compileSpace', (v) => api.compileSpace(v)],
  ['parseExpression', (v) => api.parseExpression(v as never)],
  ['validateConfiguration (space)', (v) => api.validateConfiguration(v as never, {})],
  ['validateConfiguration (config)', (v) => api.validateConfiguration(space, v)],
  ['validateConfigurationOrThrow', (v) => api.validateConfigurationOrThrow(space, v)],
  ['describeSpace', (v) => api.describeSpace(v as never)],
  ['sample (space)', (v) => api.sample(v as never, { count: 1 })],
  ['sample (options)', (v) => api.sample(space, v as never)],
  ['sample (count)', (v) => api.sample(space, { count: v as never })],
  ['sample (seed)', (v) => api.sample(space, { count: 1, seed: v as never })],
  [
    'paretoFront (points)',
    (v) => api.paretoFront(v as never, [{ metric: 'a', direction: 'maximize' }]),
  ],
  ['paretoFront (objectives)', (v) => api.paretoFront([], v as never)],
  ['weightedScores', (v) => api.weightedScores(v as never, v as never)],
  ['exportJsonSchema', (v) => api.exportJsonSchema(v as never)],
  ['importJsonSchema', (v) => api.importJsonSchema(v)],
  ['createLlmSpace', (v) => api.createLlmSpace(v as never)],
  ['providerVariable', (v) => api.providerVariable(v as never)],
  ['modelVariable', (v) => api.modelVariable(v as never)],
  ['providerModelConstraints', (v) => api.providerModelConstraints(v as never)],
];

describe('every public function on hostile input', () => {
  for (const [name, call] of CALLS) {
    it.each(HOSTILE)(`${name} answers %s with a result or a VariableSpaceError`, (_, value) => {
      try {
        call(value);
      } catch (error) {
        expect(error).toBeInstanceOf(api.VariableSpaceError);
        expect((error as api.VariableSpaceError).code).toMatch(/^[a-z_]+$/);
      }
    });
  }
});

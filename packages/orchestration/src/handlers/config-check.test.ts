import { describe, expect, it } from 'vitest';
import { createHandlerRegistry, definitionChecksFor } from '../handler-registry.js';
import { validatePipeline } from '../validate-pipeline.js';
import { createBuiltinHandlers } from './create-builtin-handlers.js';

const checks = definitionChecksFor(createHandlerRegistry(createBuiltinHandlers()));

function problemsFor(handler: string, config: Record<string, unknown>) {
  const result = validatePipeline(
    {
      id: 'p',
      stages: [{ id: 's', handler, config }],
    },
    checks,
  );
  return result.ok ? [] : result.problems.map((p) => [p.rule, p.path, p.stageId]);
}

describe('built-in handler configs are checked when a definition is validated', () => {
  it.each([
    ['json.transform', { expression: '{"a": }' }, '/stages/0/config/expression'],
    ['json.transform', {}, '/stages/0/config/expression'],
    ['json.transform', { expression: '$', timeout_ms: -1 }, '/stages/0/config/timeout_ms'],
    ['http.request', { url: 'ftp://x' }, '/stages/0/config/url'],
    ['http.request', { url: 'http://x', method: 'BREW' }, '/stages/0/config/method'],
    ['http.request', { url: 'http://x', headers: { a: 1 } }, '/stages/0/config/headers/a'],
    ['schema.validate', { subject: 's', version: 0 }, '/stages/0/config'],
    ['llm.chat', { api_key: 'sk' }, '/stages/0/config/api_key'],
    ['llm.chat', { temperature: 3 }, '/stages/0/config/temperature'],
    ['llm.chat', { api_key_env: 'not a name' }, '/stages/0/config/api_key_env'],
  ])('%s %j is refused at %s', (handler, config, path) => {
    expect(problemsFor(handler, config)).toEqual([['invalid_config', path, 's']]);
  });

  it.each([
    ['json.transform', { expression: '$sum(items.price)' }],
    ['http.request', { method: 'post', url: 'https://example.test/x', timeout_ms: 100 }],
    ['schema.validate', { subject: 's', version: 'latest' }],
    ['llm.chat', { model: 'm', api_key_env: 'OPENAI_API_KEY', temperature: 0.2 }],
  ])('%s %j is accepted', (handler, config) => {
    expect(problemsFor(handler, config)).toEqual([]);
  });

  it('checks a fallback config too', () => {
    const result = validatePipeline(
      {
        id: 'p',
        stages: [
          {
            id: 's',
            handler: 'json.transform',
            config: { expression: '$' },
            fallback: { handler: 'http.request', config: { url: 'x' } },
          },
        ],
      },
      checks,
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      '/stages/0/fallback/config/url',
    ]);
  });
});

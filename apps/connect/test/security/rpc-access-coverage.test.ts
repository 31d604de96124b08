import { SchemaRegistryService } from '@llmsr/proto';
import { ACTION_MIN_ROLE, isAuthAction } from '@llmsr/spec';
import { describe, expect, it } from 'vitest';
import { RPC_ACCESS } from '../../src/index.js';

const methods = SchemaRegistryService.methods;

describe('RPC_ACCESS', () => {
  it('declares an action for every RPC of SchemaRegistryService, read from the descriptor', () => {
    const missing = methods.filter((m) => !Object.hasOwn(RPC_ACCESS, m.localName));
    expect(missing.map((m) => m.name)).toEqual([]);
    expect(methods.length).toBe(9);
  });

  it('declares nothing for an RPC the service does not have', () => {
    const names = new Set(methods.map((m) => m.localName));
    expect(Object.keys(RPC_ACCESS).filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(methods.map((m) => [m.name, m] as const))(
    '%s names a known action and checks streamed items in the handler exactly when the client streams',
    (_, method) => {
      const rule = RPC_ACCESS[method.localName as keyof typeof RPC_ACCESS];
      expect(isAuthAction(rule.action)).toBe(true);
      expect(ACTION_MIN_ROLE[rule.action]).toBeDefined();
      const clientStreams =
        method.methodKind === 'client_streaming' || method.methodKind === 'bidi_streaming';
      expect(rule.checkedPer).toBe(clientStreams ? 'item' : 'call');
    },
  );
});

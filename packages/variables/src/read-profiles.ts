import {
  at,
  createReader,
  readArray,
  readName,
  readNumber,
  readObject,
  readString,
} from './create-reader.js';
import { LIMITS } from './limits.js';
import type { ModelProfile, ProviderProfile } from './ml-variables.js';

/** Checks caller-supplied provider profiles (names become constraint names, so they must be names). */
export function readProviderProfiles(value: unknown): ProviderProfile[] {
  const r = createReader();
  const list = readArray(r, value, 'providers', LIMITS.choices);
  const out: ProviderProfile[] = [];
  for (const [i, item] of (list ?? []).entries()) {
    const def = readObject(r, item, at('providers', i), new Set(['name', 'cost', 'performance']));
    if (!def) continue;
    const name = readName(r, def.name, at(at('providers', i), 'name'));
    const cost = readNumber(r, def.cost, at(at('providers', i), 'cost'));
    const performance = readNumber(r, def.performance, at(at('providers', i), 'performance'));
    if (name !== undefined && cost !== undefined && performance !== undefined)
      out.push({ name, cost, performance });
  }
  if (list && list.length === 0) r.fail('empty_choices', 'providers', 'give at least one provider');
  r.throwIfAny();
  return out;
}

/** Checks caller-supplied model profiles. */
export function readModelProfiles(value: unknown): ModelProfile[] {
  const r = createReader();
  const list = readArray(r, value, 'models', LIMITS.choices);
  const out: ModelProfile[] = [];
  for (const [i, item] of (list ?? []).entries()) {
    const def = readObject(r, item, at('models', i), new Set(['name', 'provider']));
    if (!def) continue;
    const name = readString(r, def.name, at(at('models', i), 'name'), LIMITS.name);
    const provider = readName(r, def.provider, at(at('models', i), 'provider'));
    if (name !== undefined && provider !== undefined) out.push({ name, provider });
  }
  if (list && list.length === 0) r.fail('empty_choices', 'models', 'give at least one model');
  r.throwIfAny();
  return out;
}

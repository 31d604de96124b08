import {
  at,
  type Reader,
  readArray,
  readMetadata,
  readName,
  readObject,
  readString,
} from './create-reader.js';
import { LIMITS } from './limits.js';
import type { ModuleImplementation, Variable, VariableCommon } from './variable.js';

/** Reads a module variable: distinct implementations that all declare `behaviour` when it is set. */
export function parseModule(
  r: Reader,
  def: Record<string, unknown>,
  path: string,
  common: VariableCommon,
): Variable | undefined {
  const behaviour =
    def.behaviour === undefined ? undefined : readName(r, def.behaviour, at(path, 'behaviour'));
  const list = readArray(r, def.implementations, at(path, 'implementations'), LIMITS.choices);
  if (!list) return undefined;
  if (list.length === 0) {
    return r.fail(
      'empty_choices',
      at(path, 'implementations'),
      'implementations must not be empty',
      'non-empty implementations',
    );
  }
  const implementations: ModuleImplementation[] = [];
  const names = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const implPath = at(at(path, 'implementations'), i);
    const impl = readImplementation(r, list[i], implPath);
    if (!impl) continue;
    if (names.has(impl.name)) {
      r.fail(
        'duplicate_name',
        at(implPath, 'name'),
        `implementation "${impl.name}" is listed twice`,
        'unique names',
      );
      continue;
    }
    if (behaviour !== undefined && !impl.behaviours.includes(behaviour)) {
      r.fail(
        'invalid_value',
        implPath,
        `implementation "${impl.name}" does not declare behaviour "${behaviour}"`,
        'implementations declare behaviour',
      );
      continue;
    }
    names.add(impl.name);
    implementations.push(impl);
  }
  if (
    implementations.length !== list.length ||
    (def.behaviour !== undefined && behaviour === undefined)
  )
    return undefined;
  let value = implementations[0]!.name;
  if (def.default !== undefined) {
    const given = readString(r, def.default, at(path, 'default'), LIMITS.name);
    if (given === undefined) return undefined;
    if (!names.has(given)) {
      return r.fail(
        'invalid_default',
        at(path, 'default'),
        'default is not one of the implementations',
        'default in implementations',
      );
    }
    value = given;
  }
  const variable: Variable = { ...common, kind: 'module', implementations, default: value };
  if (behaviour !== undefined) variable.behaviour = behaviour;
  return variable;
}

function readImplementation(
  r: Reader,
  value: unknown,
  path: string,
): ModuleImplementation | undefined {
  if (typeof value === 'string') {
    const name = readName(r, value, path);
    return name === undefined ? undefined : { name, behaviours: [], metadata: {} };
  }
  const def = readObject(
    r,
    value,
    path,
    new Set(['name', 'behaviours', 'description', 'metadata']),
  );
  if (!def) return undefined;
  const name = readName(r, def.name, at(path, 'name'));
  const list =
    def.behaviours === undefined
      ? []
      : readArray(r, def.behaviours, at(path, 'behaviours'), LIMITS.choices);
  if (name === undefined || !list) return undefined;
  const behaviours: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const behaviour = readName(r, list[i], at(at(path, 'behaviours'), i));
    if (behaviour === undefined) return undefined;
    behaviours.push(behaviour);
  }
  const impl: ModuleImplementation = {
    name,
    behaviours,
    metadata: readMetadata(r, def.metadata, at(path, 'metadata')),
  };
  if (def.description !== undefined) {
    const description = readString(r, def.description, at(path, 'description'), LIMITS.text);
    if (description !== undefined) impl.description = description;
  }
  return impl;
}

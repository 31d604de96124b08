import type { Condition } from './condition.js';
import {
  at,
  type Reader,
  readArray,
  readBoolean,
  readMetadata,
  readName,
  readNumber,
  readObject,
  readString,
  typeName,
} from './create-reader.js';
import { LIMITS } from './limits.js';
import { parseCondition } from './parse-condition.js';
import { DOMAIN_FIELDS, parseDomain } from './parse-domain.js';
import { parseModule } from './parse-module-variable.js';
import type {
  ConditionalCase,
  Domain,
  OptimizationHints,
  Variable,
  VariableCommon,
  VariableKind,
} from './variable.js';

const COMMON = ['name', 'kind', 'description', 'metadata', 'hints', 'activeWhen'];
const FIELDS: Record<VariableKind, ReadonlySet<string>> = {
  float: new Set([...COMMON, ...DOMAIN_FIELDS.float]),
  integer: new Set([...COMMON, ...DOMAIN_FIELDS.integer]),
  choice: new Set([...COMMON, ...DOMAIN_FIELDS.choice]),
  module: new Set([...COMMON, 'behaviour', 'implementations', 'default']),
  composite: new Set([...COMMON, 'variables']),
  conditional: new Set([...COMMON, 'cases', 'fallback']),
};
const KINDS = Object.keys(FIELDS) as VariableKind[];
const DOMAIN_KINDS = ['float', 'integer', 'choice'] as const;

/** A condition found in a variable, kept for the space-level reference and cycle checks. */
export interface ConditionSite {
  /** Dotted path of the variable owning the condition. */
  owner: string;
  /** Definition path, for messages. */
  path: string;
  refs: Set<string>;
}

/** State shared while reading the variables of one space. */
export interface VariableReadContext {
  r: Reader;
  sites: ConditionSite[];
}

/** Reads a list of sibling variables, checking names are unique. */
export function parseVariables(
  ctx: VariableReadContext,
  value: unknown,
  path: string,
  prefix: string,
  depth: number,
): Variable[] | undefined {
  const list = readArray(ctx.r, value, path, LIMITS.variables);
  if (!list) return undefined;
  const out: Variable[] = [];
  const names = new Set<string>();
  let ok = true;
  for (let i = 0; i < list.length; i++) {
    const parsed = parseVariable(ctx, list[i], at(path, i), prefix, depth);
    const variable = parsed && canonicalOrder(parsed);
    if (!variable) {
      ok = false;
      continue;
    }
    if (names.has(variable.name)) {
      ctx.r.fail(
        'duplicate_name',
        at(at(path, i), 'name'),
        `variable "${variable.name}" is declared twice`,
        'unique names',
      );
      ok = false;
    }
    names.add(variable.name);
    out.push(variable);
  }
  return ok ? out : undefined;
}

/** Reads and normalises one variable definition. */
export function parseVariable(
  ctx: VariableReadContext,
  value: unknown,
  defPath: string,
  prefix: string,
  depth: number,
): Variable | undefined {
  const { r } = ctx;
  if (++r.budget.variables > LIMITS.variables) {
    return r.fail('too_large', defPath, `a space holds at most ${LIMITS.variables} variables`);
  }
  const pre = readObject(r, value, defPath);
  if (!pre) return undefined;
  const kind = pre.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind as VariableKind)) {
    return r.fail(
      'invalid_value',
      at(defPath, 'kind'),
      `kind must be one of ${KINDS.join(', ')}, got ${typeName(kind)}`,
    );
  }
  const name = readName(r, pre.name, at(defPath, 'name'));
  if (name === undefined) return undefined;
  const path = `${defPath}(${name})`;
  const def = readObject(r, value, path, FIELDS[kind as VariableKind]);
  if (!def) return undefined;
  const fullName = prefix ? `${prefix}.${name}` : name;
  const common: VariableCommon = {
    name,
    metadata: readMetadata(r, def.metadata, at(path, 'metadata')),
    hints: {},
  };
  if (def.description !== undefined) {
    const description = readString(r, def.description, at(path, 'description'), LIMITS.text);
    if (description !== undefined) common.description = description;
  }
  if (def.hints !== undefined) common.hints = readHints(r, def.hints, at(path, 'hints')) ?? {};
  if (def.activeWhen !== undefined) {
    const activeWhen = readSiteCondition(ctx, def.activeWhen, at(path, 'activeWhen'), fullName);
    if (activeWhen === undefined) return undefined;
    common.activeWhen = activeWhen;
  }
  switch (kind as VariableKind) {
    case 'float':
    case 'integer':
    case 'choice': {
      const domain = parseDomain(r, kind as Domain['kind'], def, path);
      return domain && ({ ...common, ...domain } as Variable);
    }
    case 'module':
      return parseModule(r, def, path, common);
    case 'composite': {
      if (depth >= LIMITS.compositeDepth) {
        return r.fail(
          'too_large',
          path,
          `composites are nested deeper than ${LIMITS.compositeDepth}`,
        );
      }
      const variables = parseVariables(
        ctx,
        def.variables,
        at(path, 'variables'),
        fullName,
        depth + 1,
      );
      return variables && { ...common, kind: 'composite', variables };
    }
    case 'conditional':
      return parseConditional(ctx, def, path, fullName, common);
  }
}

function readSiteCondition(
  ctx: VariableReadContext,
  value: unknown,
  path: string,
  owner: string,
): Condition | undefined {
  const refs = new Set<string>();
  const condition = parseCondition(ctx.r, value, path, refs);
  if (condition !== undefined) ctx.sites.push({ owner, path, refs });
  return condition;
}

function readHints(r: Reader, value: unknown, path: string): OptimizationHints | undefined {
  const def = readObject(r, value, path, new Set(['tunable', 'priority', 'group']));
  if (!def) return undefined;
  const hints: OptimizationHints = {};
  if (def.tunable !== undefined) {
    const tunable = readBoolean(r, def.tunable, at(path, 'tunable'));
    if (tunable !== undefined) hints.tunable = tunable;
  }
  if (def.priority !== undefined) {
    const priority = readNumber(r, def.priority, at(path, 'priority'));
    if (priority !== undefined) hints.priority = priority;
  }
  if (def.group !== undefined) {
    const group = readString(r, def.group, at(path, 'group'), LIMITS.name);
    if (group !== undefined) hints.group = group;
  }
  return hints;
}

function parseConditional(
  ctx: VariableReadContext,
  def: Record<string, unknown>,
  path: string,
  fullName: string,
  common: VariableCommon,
): Variable | undefined {
  const fallback = readDomain(ctx.r, def.fallback, at(path, 'fallback'));
  const list = readArray(ctx.r, def.cases, at(path, 'cases'), LIMITS.choices);
  if (!list) return undefined;
  const cases: ConditionalCase[] = [];
  for (let i = 0; i < list.length; i++) {
    const casePath = at(at(path, 'cases'), i);
    const item = readObject(ctx.r, list[i], casePath, new Set(['when', 'domain']));
    if (!item) continue;
    const when = readSiteCondition(ctx, item.when, at(casePath, 'when'), fullName);
    const domain = readDomain(ctx.r, item.domain, at(casePath, 'domain'));
    if (when !== undefined && domain !== undefined) cases.push({ when, domain });
  }
  if (!fallback || cases.length !== list.length) return undefined;
  return { ...common, kind: 'conditional', cases, fallback };
}

function readDomain(r: Reader, value: unknown, path: string): Domain | undefined {
  const pre = readObject(r, value, path);
  if (!pre) return undefined;
  const kind = pre.kind as (typeof DOMAIN_KINDS)[number];
  if (!DOMAIN_KINDS.includes(kind)) {
    return r.fail(
      'invalid_value',
      at(path, 'kind'),
      `domain kind must be one of ${DOMAIN_KINDS.join(', ')}`,
    );
  }
  const def = readObject(r, value, path, new Set(['kind', ...DOMAIN_FIELDS[kind]]));
  return def && parseDomain(r, kind, def, path);
}

/** Puts fields in a stable, readable order (name, kind, description, domain, metadata, ...) for storage. */
function canonicalOrder(variable: Variable): Variable {
  const { name, kind, description, metadata, hints, activeWhen, ...domain } = variable;
  return {
    name,
    kind,
    ...(description === undefined ? {} : { description }),
    ...domain,
    metadata,
    hints,
    ...(activeWhen === undefined ? {} : { activeWhen }),
  } as Variable;
}

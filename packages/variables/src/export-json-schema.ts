import type { CompiledDomain, CompiledNode } from './compile-nodes.js';
import { compileSpace } from './compile-space.js';
import type { Condition } from './condition.js';
import { conditionSchema, propertyAt, requiredAt } from './condition-schema.js';
import { conditionRefs } from './dependency-graph.js';
import { domainCardinality, domainValueAt } from './domain-values.js';
import { decimals, gridIndex } from './numeric-grid.js';
import type { VariableSpace } from './space.js';
import type { JsonObject, JsonValue } from './variable.js';
import { guard, VariableSpaceError } from './variable-space-error.js';

/** A rule of the space that the exported schema does not enforce. */
export interface UnexpressedRule {
  /** Variable path or `constraints.<name>`. */
  path: string;
  rule: string;
  reason: string;
}

/** The result of {@link exportJsonSchema}. */
export interface JsonSchemaExport {
  /** A draft-07 JSON Schema for complete (normalised) configurations. */
  schema: JsonObject;
  /** Rules JSON Schema cannot express; a configuration passing the schema may still break these. */
  unexpressed: UnexpressedRule[];
  /**
   * Options ajv needs: ajv checks `multipleOf` with plain division, so `0.3` fails
   * `multipleOf: 0.1` unless `multipleOfPrecision` is set (it is, whenever a step is fractional).
   */
  ajvOptions: { multipleOfPrecision?: number };
}

/** Options of {@link exportJsonSchema}. */
export interface JsonSchemaExportOptions {
  /**
   * `enum` lists the values of fractional steps (up to 1,000 of them) instead of `multipleOf`, so
   * validators without a multipleOf tolerance (ajv without `multipleOfPrecision`) accept the
   * normalised values. Default `multipleOf`.
   */
  fractionalSteps?: 'multipleOf' | 'enum';
}

function readExportOptions(options: unknown): boolean {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new VariableSpaceError('invalid_options', 'options', 'options must be an object');
  }
  const mode = (options as JsonSchemaExportOptions).fractionalSteps ?? 'multipleOf';
  if (mode !== 'multipleOf' && mode !== 'enum') {
    throw new VariableSpaceError(
      'invalid_options',
      'fractionalSteps',
      'fractionalSteps must be "multipleOf" or "enum"',
    );
  }
  return mode === 'enum';
}

/** Stepped ranges whose grid does not start at a multiple of the step are listed as enums up to this size. */
const ENUM_LIMIT = 1_000;
/** Conditions larger than this (activity chains can repeat) are reported instead of exported. */
const SCHEMA_CHARS = 1_000_000;

/**
 * Exports a space as a JSON Schema that accepts exactly the complete, normalised
 * configurations it can express: ranges, enums, steps (`multipleOf`), required and
 * conditionally required variables, conditional domains and constraints (`if`/`then`).
 * Whatever it cannot express is listed in `unexpressed`.
 *
 * @example
 * const { schema, ajvOptions } = exportJsonSchema(space);
 * const validate = new Ajv(ajvOptions).compile(schema);
 */
export function exportJsonSchema(
  space: VariableSpace,
  options: JsonSchemaExportOptions = {},
): JsonSchemaExport {
  return guard('exportJsonSchema', () => {
    const stepsAsEnum = readExportOptions(options);
    const { space: parsed, compiled } = compileSpace(space);
    const unexpressed: UnexpressedRule[] = [];
    const allOf: JsonObject[] = [];
    let fractionalStep = false;
    const byPath = new Map(compiled.nodes.map((n) => [n.path, n]));
    const memo = new Map<string, Condition | null>();

    // Condition under which a node is active, parents included; null means always.
    const activeFull = (path: string): Condition | null => {
      if (memo.has(path)) return memo.get(path)!;
      const node = byPath.get(path)!;
      const parts = relativeParts(node);
      const parent = node.parent >= 0 ? activeFull(compiled.nodes[node.parent]!.path) : null;
      if (parent) parts.unshift(parent);
      const result = combine(parts);
      memo.set(path, result);
      return result;
    };
    const relativeParts = (node: CompiledNode): Condition[] => {
      const parts: Condition[] = node.variable.activeWhen ? [node.variable.activeWhen] : [];
      for (const d of node.deps) {
        const c = activeFull(compiled.nodes[d]!.path);
        if (c) parts.push(c);
      }
      return parts;
    };
    const toSchema = (condition: Condition): JsonObject | undefined => {
      const schema = conditionSchema(condition);
      return schema && JSON.stringify(schema).length <= SCHEMA_CHARS ? schema : undefined;
    };

    const domainSchema = ({ domain }: CompiledDomain, path: string): JsonObject => {
      if (domain.kind === 'choice') return { enum: domain.values };
      if (domain.kind === 'module')
        return { type: 'string', enum: domain.implementations.map((i) => i.name) };
      const schema: JsonObject = {
        type: domain.kind === 'integer' ? 'integer' : 'number',
        minimum: domain.min,
        maximum: domain.max,
      };
      const step = domain.step;
      if (step === undefined || (domain.kind === 'integer' && step === 1)) return schema;
      const count = domainCardinality({ domain } as CompiledDomain);
      const fractional = decimals(step) > 0;
      if (
        gridIndex(domain.min, 0, step) !== undefined &&
        !(fractional && stepsAsEnum && count <= ENUM_LIMIT)
      ) {
        if (fractional) fractionalStep = true;
        return { ...schema, multipleOf: step };
      }
      if (count <= ENUM_LIMIT) {
        return {
          ...schema,
          enum: Array.from({ length: count }, (_, k) =>
            domainValueAt({ domain } as CompiledDomain, k),
          ),
        };
      }
      unexpressed.push({
        path,
        rule: `step ${step} from ${domain.min}`,
        reason: 'multipleOf cannot express a grid that does not start at a multiple of the step',
      });
      return schema;
    };

    const nodeSchema = (node: CompiledNode): JsonObject => {
      const v = node.variable;
      const annotations: JsonObject =
        v.description === undefined ? {} : { description: v.description };
      if (v.kind === 'composite')
        return {
          ...annotations,
          ...objectSchema(
            v.variables.map((m) => `${node.path}.${m.name}`),
            node.path.split('.'),
          ),
        };
      if (v.kind !== 'conditional')
        return {
          ...annotations,
          ...domainSchema(node.domain!, node.path),
          default: v.default as JsonValue,
        };
      const parts = node.path.split('.');
      const fallback = domainSchema(node.domain!, node.path);
      let chain: JsonObject = propertyAt(parts, fallback);
      for (let i = node.cases.length - 1; i >= 0; i--) {
        const when = toSchema(v.cases[i]!.when);
        if (!when) {
          unexpressed.push({
            path: node.path,
            rule: `cases[${i}].when`,
            reason: 'the case condition compares two variables',
          });
          const union = [fallback, ...node.cases.map((c) => domainSchema(c.domain, node.path))];
          return { ...annotations, anyOf: union, default: v.fallback.default };
        }
        chain = {
          if: when,
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
          then: propertyAt(parts, domainSchema(node.cases[i]!.domain, node.path)),
          else: chain,
        };
      }
      allOf.push(chain);
      return { ...annotations, default: v.fallback.default };
    };

    const objectSchema = (paths: string[], parentParts: string[]): JsonObject => {
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const path of paths) {
        const node = byPath.get(path)!;
        properties[node.key] = nodeSchema(node);
        const relative = combine(relativeParts(node));
        if (relative === null) {
          required.push(node.key);
          continue;
        }
        const when = toSchema(activeFull(path)!);
        if (!when) {
          unexpressed.push({
            path,
            rule: 'activeWhen',
            reason: 'the activity condition compares two variables or is too large',
          });
          continue;
        }
        allOf.push({
          if: when,
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
          then: propertyAt(parentParts, { type: 'object', required: [node.key] }),
          else: propertyAt(parentParts, { not: { type: 'object', required: [node.key] } }),
        });
      }
      return { type: 'object', properties, required, additionalProperties: false };
    };

    const root = objectSchema(
      parsed.variables.map((v) => v.name),
      [],
    );
    for (const constraint of parsed.constraints) {
      const rule = toSchema(constraint.rule);
      if (!rule) {
        unexpressed.push({
          path: `constraints.${constraint.name}`,
          rule: constraint.name,
          reason: 'the rule compares two variables',
        });
        continue;
      }
      const reads = [...conditionRefs(constraint.rule)];
      // A constraint only applies when every variable it reads is present.
      const present =
        reads.length === 1
          ? requiredAt(reads[0]!, {})
          : { allOf: reads.map((p) => requiredAt(p, {})) };
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      allOf.push({ if: present, then: rule });
    }
    const schema: JsonObject = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: parsed.name,
    };
    if (parsed.description !== undefined) schema.description = parsed.description;
    Object.assign(schema, root);
    if (allOf.length > 0) schema.allOf = allOf;
    return { schema, unexpressed, ajvOptions: fractionalStep ? { multipleOfPrecision: 9 } : {} };
  });
}

function combine(parts: Condition[]): Condition | null {
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { all: parts };
}

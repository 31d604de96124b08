import { isJsonObject } from './json-keywords.js';
import { type SchemaShape, shapeOf } from './schema-shape.js';

/** A short human description of a schema for messages ("type 'string'", "one of [\"a\",\"b\"]"). @internal */
export function describeSchema(schema: unknown): string {
  if (isJsonObject(schema) && typeof schema.$ref === 'string') return `$ref '${clip(schema.$ref)}'`;
  return describeShape(shapeOf(schema));
}

/** A short human description of a classified schema. @internal */
export function describeShape(shape: SchemaShape): string {
  switch (shape.kind) {
    case 'any':
      return 'any value';
    case 'nothing':
      return 'no value';
    case 'not':
      return "values excluded by a 'not'";
    case 'simple': {
      const values = Array.isArray(shape.node.enum)
        ? shape.node.enum
        : shape.node.const !== undefined
          ? [shape.node.const]
          : undefined;
      if (values)
        return `one of ${clip(JSON.stringify(values.slice(0, 5)))}${values.length > 5 ? '…' : ''}`;
      return shape.type ? `type '${shape.type}'` : 'any type';
    }
    default: {
      const types = shape.parts.map((part) => shapeOf(part.schema));
      if (shape.kind === 'anyOf' && types.every((each) => each.kind === 'simple' && each.type)) {
        return `types ${types.map((each) => describeShape(each).replace('type ', '')).join(', ')}`;
      }
      return `an ${shape.kind} of ${shape.parts.length} members`;
    }
  }
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

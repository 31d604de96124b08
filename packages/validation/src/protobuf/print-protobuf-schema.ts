import protobuf from 'protobufjs';
import type { ProtobufFileInfo } from './protobuf-file-info.js';

const MAX_NUMBER = 536_870_911;

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${key}: ${formatValue((value as Record<string, unknown>)[key])}`);
    return `{ ${entries.join(', ')} }`;
  }
  return String(value);
}

/** What carries options: a reflection object, an enum value's options, or the file. */
interface OptionHolder {
  options?: Record<string, unknown> | null;
  /** An array at run time, whatever protobufjs's typings say. */
  parsedOptions?: unknown;
}

/**
 * The declared options as `[name, value]`, sorted by name (repeated statements of one option
 * keep their order). protobufjs's `parsedOptions` keeps aggregate values whole; its flattened
 * `options` keeps only the last element of a list, so it is the fallback for holders without
 * declared options (enum values) and for options protobufjs sets itself (`proto3_optional`).
 */
function optionEntries(holder: OptionHolder | undefined, skip: readonly string[] = []) {
  const parsed = holder?.parsedOptions;
  const entries =
    Array.isArray(parsed) && parsed.length > 0
      ? parsed.flatMap((option) => Object.entries(option as Record<string, unknown>))
      : Object.entries(holder?.options ?? {});
  return entries
    .filter(([key]) => !skip.includes(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function optionLines(holder: OptionHolder | undefined, indent: string): string[] {
  return optionEntries(holder).map(
    ([key, value]) => `${indent}option ${key} = ${formatValue(value)};`,
  );
}

function inlineOptions(holder: OptionHolder | undefined, skip: readonly string[] = []): string {
  const entries = optionEntries(holder, skip);
  if (entries.length === 0) return '';
  return ` [${entries.map(([key, value]) => `${key} = ${formatValue(value)}`).join(', ')}]`;
}

function reservedLines(reserved: Array<number[] | string> | undefined, indent: string): string[] {
  if (reserved === undefined || reserved.length === 0) return [];
  const ranges = reserved
    .filter((entry): entry is number[] => Array.isArray(entry))
    .sort((a, b) => a[0]! - b[0]!)
    .map(([from, to]) =>
      from === to ? `${from}` : `${from} to ${to === MAX_NUMBER ? 'max' : to}`,
    );
  const names = reserved.filter((entry): entry is string => typeof entry === 'string').sort();
  const lines: string[] = [];
  if (ranges.length > 0) lines.push(`${indent}reserved ${ranges.join(', ')};`);
  if (names.length > 0)
    lines.push(`${indent}reserved ${names.map((name) => JSON.stringify(name)).join(', ')};`);
  return lines;
}

function typeName(field: protobuf.Field): string {
  return field.resolvedType === null ? field.type : field.resolvedType.fullName;
}

function groupOf(field: protobuf.Field): protobuf.Type | undefined {
  const resolved = field.resolvedType;
  return resolved instanceof protobuf.Type && (resolved as { group?: boolean }).group === true
    ? resolved
    : undefined;
}

function fieldLines(
  field: protobuf.Field,
  info: ProtobufFileInfo,
  indent: string,
  inOneof: boolean,
): string[] {
  const options = inlineOptions(field, ['proto3_optional']);
  if (field instanceof protobuf.MapField) {
    const value = field.resolvedType === null ? field.type : field.resolvedType.fullName;
    return [`${indent}map<${field.keyType}, ${value}> ${field.name} = ${field.id}${options};`];
  }
  let label = '';
  if (field.repeated) label = 'repeated ';
  else if (!inOneof && !info.isEdition) {
    if (field.required) label = 'required ';
    else if (info.syntax === 'proto2' || field.options?.proto3_optional === true)
      label = 'optional ';
  }
  const group = groupOf(field);
  if (group !== undefined) {
    // A proto2 group is a field and a nested type in one, with its own wire encoding.
    return [
      `${indent}${label}group ${group.name} = ${field.id}${options} {`,
      ...typeBody(group, info, `${indent}  `),
      `${indent}}`,
    ];
  }
  return [`${indent}${label}${typeName(field)} ${field.name} = ${field.id}${options};`];
}

function isSyntheticOneof(oneof: protobuf.OneOf): boolean {
  return oneof.fieldsArray.length === 1 && oneof.fieldsArray[0]!.options?.proto3_optional === true;
}

function typeBody(type: protobuf.Type, info: ProtobufFileInfo, inner: string): string[] {
  const lines = [...optionLines(type, inner), ...reservedLines(type.reserved, inner)];
  if (type.extensions !== undefined && type.extensions.length > 0) {
    const ranges = type.extensions.map(([from, to]) =>
      from === to ? `${from}` : `${from} to ${to === MAX_NUMBER ? 'max' : to}`,
    );
    lines.push(`${inner}extensions ${ranges.join(', ')};`);
  }
  const realOneofs = type.oneofsArray.filter((oneof) => !isSyntheticOneof(oneof));
  const inRealOneof = new Set(realOneofs.flatMap((oneof) => oneof.fieldsArray));
  const groups = new Set<protobuf.ReflectionObject>();
  for (const field of type.fieldsArray) {
    const group = groupOf(field);
    if (group !== undefined) groups.add(group);
    if (!inRealOneof.has(field)) lines.push(...fieldLines(field, info, inner, false));
  }
  for (const oneof of realOneofs) {
    lines.push(`${inner}oneof ${oneof.name} {`, ...optionLines(oneof, `${inner}  `));
    for (const field of oneof.fieldsArray)
      lines.push(...fieldLines(field, info, `${inner}  `, true));
    lines.push(`${inner}}`);
  }
  const nested = type.nestedArray.filter((object) => !groups.has(object));
  lines.push(...printObjects(nested, info, inner));
  return lines;
}

function printType(type: protobuf.Type, info: ProtobufFileInfo, indent: string): string[] {
  return [`${indent}message ${type.name} {`, ...typeBody(type, info, `${indent}  `), `${indent}}`];
}

function printEnum(enumType: protobuf.Enum, indent: string): string[] {
  const inner = `${indent}  `;
  const lines = [`${indent}enum ${enumType.name} {`, ...optionLines(enumType, inner)];
  lines.push(...reservedLines(enumType.reserved, inner));
  for (const [name, id] of Object.entries(enumType.values)) {
    lines.push(
      `${inner}${name} = ${id}${inlineOptions({ options: enumType.valuesOptions?.[name] })};`,
    );
  }
  lines.push(`${indent}}`);
  return lines;
}

function printService(service: protobuf.Service, indent: string): string[] {
  const inner = `${indent}  `;
  const lines = [`${indent}service ${service.name} {`, ...optionLines(service, inner)];
  for (const method of service.methodsArray) {
    const request = `${method.requestStream ? 'stream ' : ''}${method.resolvedRequestType?.fullName ?? method.requestType}`;
    const response = `${method.responseStream ? 'stream ' : ''}${method.resolvedResponseType?.fullName ?? method.responseType}`;
    const options = optionLines(method, `${inner}  `);
    const head = `${inner}rpc ${method.name}(${request}) returns (${response})`;
    lines.push(...(options.length === 0 ? [`${head};`] : [`${head} {`, ...options, `${inner}}`]));
  }
  lines.push(`${indent}}`);
  return lines;
}

function printObjects(
  objects: readonly protobuf.ReflectionObject[],
  info: ProtobufFileInfo,
  indent: string,
): string[] {
  const lines: string[] = [];
  for (const object of objects) {
    if (object instanceof protobuf.Type) lines.push(...printType(object, info, indent));
    else if (object instanceof protobuf.Enum) lines.push(...printEnum(object, indent));
    else if (object instanceof protobuf.Service) lines.push(...printService(object, indent));
    else if (object instanceof protobuf.Field && object.extend !== undefined) {
      const target = object.extensionField?.parent?.fullName ?? object.extend;
      lines.push(
        `${indent}extend ${target} {`,
        ...fieldLines(object, info, `${indent}  `, false),
        `${indent}}`,
      );
    }
  }
  return lines;
}

/**
 * Deterministic printing of a parsed schema's own file: syntax, package, sorted imports, sorted
 * options, then messages, enums and services in declaration order, with fully qualified type
 * names, one statement per line and no comments, so formatting, comments and the spelling of
 * type references (`Foo` vs `.pkg.Foo`) do not change it.
 */
export function printProtobufSchema(info: ProtobufFileInfo): string {
  const lines = [info.isEdition ? `edition = "${info.syntax}";` : `syntax = "${info.syntax}";`];
  if (info.package !== undefined) lines.push(`package ${info.package};`);
  const imports = [
    ...info.imports.map((path) =>
      info.publicImports.includes(path)
        ? `import public ${JSON.stringify(path)};`
        : `import ${JSON.stringify(path)};`,
    ),
    ...info.weakImports.map((path) => `import weak ${JSON.stringify(path)};`),
  ].sort();
  lines.push(...imports, ...optionLines(info, ''), ...printObjects(info.topLevel, info, ''));
  return `${lines.join('\n')}\n`;
}

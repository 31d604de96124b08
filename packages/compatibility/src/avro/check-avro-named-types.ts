import { AVRO_COMPATIBLE, type AvroReport, type AvroResult } from './avro-incompatibility.js';
import {
  type AvroEnumNode,
  type AvroFixedNode,
  type AvroNamedNode,
  avroShortName,
} from './avro-node.js';

/**
 * Avro's `schemaNameEquals`: unqualified names match (namespaces are ignored), or a reader alias
 * is the writer's full name.
 */
export function checkAvroNames(r: AvroNamedNode, w: AvroNamedNode, report: AvroReport): AvroResult {
  if (avroShortName(r.fullName) === avroShortName(w.fullName)) return AVRO_COMPATIBLE;
  if (r.aliases.includes(w.fullName)) return AVRO_COMPATIBLE;
  return report('NAME_MISMATCH', r, w, `expected: ${w.fullName}`, { token: 'name' });
}

/** Fixed types must have the same size. */
export function checkAvroFixedSize(
  r: AvroFixedNode,
  w: AvroFixedNode,
  report: AvroReport,
): AvroResult {
  if (r.size === w.size) return AVRO_COMPATIBLE;
  return report('FIXED_SIZE_MISMATCH', r, w, `expected: ${w.size}, found: ${r.size}`, {
    token: 'size',
  });
}

/** Every writer symbol must be a reader symbol, unless the reader enum has a default symbol. */
export function checkAvroEnumSymbols(
  r: AvroEnumNode,
  w: AvroEnumNode,
  report: AvroReport,
): AvroResult {
  const readerSymbols = new Set(r.symbols);
  const missing = [...new Set(w.symbols)].filter((s) => !readerSymbols.has(s)).sort();
  if (missing.length === 0) return AVRO_COMPATIBLE;
  if (r.default !== undefined && readerSymbols.has(r.default)) return AVRO_COMPATIBLE;
  return report('MISSING_ENUM_SYMBOLS', r, w, `[${missing.join(', ')}]`, { token: 'symbols' });
}

import type { SchemaProblem } from '../schema-format.js';

const UNDERLYING: Record<string, readonly string[]> = {
  'big-decimal': ['bytes'],
  uuid: ['string', 'fixed'],
  date: ['int'],
  'time-millis': ['int'],
  'time-micros': ['long'],
  'timestamp-millis': ['long'],
  'timestamp-micros': ['long'],
  'timestamp-nanos': ['long'],
  'local-timestamp-millis': ['long'],
  'local-timestamp-micros': ['long'],
  'local-timestamp-nanos': ['long'],
  duration: ['fixed'],
};

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Largest decimal precision a fixed of `size` bytes can hold (Avro specification). */
export function maxDecimalPrecision(size: number): number {
  return Math.floor((8 * size - 1) * Math.log10(2));
}

/**
 * Checks the `logicalType` annotation of a primitive or fixed schema against the specification.
 * avsc silently ignores logical types it has no implementation for, so without this a
 * `decimal` with scale > precision, or a `date` on a string, would be accepted.
 * Unknown logical type names are allowed: the specification says to ignore them.
 */
export function checkAvroLogicalType(
  schema: Record<string, unknown>,
  baseType: string,
  path: string,
  problems: SchemaProblem[],
): void {
  const logicalType = schema.logicalType;
  if (logicalType === undefined) return;
  const report = (message: string) => problems.push({ path, message });
  if (typeof logicalType !== 'string') {
    report(`"logicalType" must be a string, got ${JSON.stringify(logicalType)}`);
    return;
  }
  const size = schema.size;
  if (logicalType === 'decimal') {
    if (baseType !== 'bytes' && baseType !== 'fixed') {
      report(`logical type decimal must annotate bytes or fixed, not ${baseType}`);
      return;
    }
    const { precision, scale } = schema;
    if (!isNonNegativeInteger(precision) || precision === 0) {
      report(`decimal precision must be a positive integer, got ${JSON.stringify(precision)}`);
      return;
    }
    if (scale !== undefined && (!isNonNegativeInteger(scale) || scale > precision)) {
      report(
        `decimal scale must be an integer between 0 and the precision (${precision}), got ${JSON.stringify(scale)}`,
      );
    }
    if (
      baseType === 'fixed' &&
      isNonNegativeInteger(size) &&
      precision > maxDecimalPrecision(size)
    ) {
      report(
        `decimal precision ${precision} does not fit in fixed of size ${size} (max ${maxDecimalPrecision(size)})`,
      );
    }
    return;
  }
  const allowed = UNDERLYING[logicalType];
  if (allowed === undefined) return;
  if (!allowed.includes(baseType)) {
    report(`logical type ${logicalType} must annotate ${allowed.join(' or ')}, not ${baseType}`);
    return;
  }
  if (logicalType === 'duration' && size !== 12) {
    report(
      `logical type duration must annotate a fixed of size 12, got size ${JSON.stringify(size)}`,
    );
  }
  if (logicalType === 'uuid' && baseType === 'fixed' && size !== 16) {
    report(`logical type uuid on fixed needs size 16, got ${JSON.stringify(size)}`);
  }
}

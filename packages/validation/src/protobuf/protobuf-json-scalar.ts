/** Why a JSON value is not a valid protobuf scalar of `type`, or `undefined` when it is. */
export function protobufScalarProblem(type: string, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'expected a string';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'expected a boolean';
    case 'bytes':
      return typeof value === 'string' && /^[A-Za-z0-9+/\-_]*={0,2}$/.test(value)
        ? undefined
        : 'expected base64-encoded bytes';
    case 'double':
    case 'float':
      return floatProblem(type, value);
    default:
      return integerProblem(type, value);
  }
}

const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

function floatProblem(type: string, value: unknown): string | undefined {
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || Number.isNaN(number)) return `expected a number (${type})`;
  if (type === 'float' && Number.isFinite(number) && Math.abs(number) > 3.4028234663852886e38) {
    return 'number out of float range';
  }
  return undefined;
}

const NUMBER_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  sint32: [-(2 ** 31), 2 ** 31 - 1],
  sfixed32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  fixed32: [0, 2 ** 32 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  sint64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  sfixed64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
  fixed64: [0, Number.MAX_SAFE_INTEGER],
};

function integerProblem(type: string, value: unknown): string | undefined {
  // Plain numbers within the safe range need no BigInt (the common, hot case).
  const fast = NUMBER_RANGES[type];
  if (
    fast !== undefined &&
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= fast[0] &&
    value <= fast[1]
  ) {
    return undefined;
  }
  const range = INTEGER_RANGES[type];
  if (range === undefined) return `unknown scalar type ${type}`;
  let integer: bigint;
  if (typeof value === 'number' && Number.isInteger(value)) integer = BigInt(value);
  else if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) integer = BigInt(value);
  else return `expected an integer (${type}) as a number or a decimal string`;
  return integer < range[0] || integer > range[1] ? `integer out of ${type} range` : undefined;
}

/** Why a JSON object key is not a valid map key of `keyType`, or `undefined`. */
export function protobufMapKeyProblem(keyType: string, key: string): string | undefined {
  if (keyType === 'string') return undefined;
  if (keyType === 'bool')
    return key === 'true' || key === 'false' ? undefined : 'expected map key "true" or "false"';
  return integerProblem(keyType, key) === undefined ? undefined : `expected a ${keyType} map key`;
}

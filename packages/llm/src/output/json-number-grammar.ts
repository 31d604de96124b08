/** States of the JSON number grammar (RFC 8259 §6); `Zero`, `Int`, `Frac` and `Exp` accept. */
export enum NumberState {
  Sign,
  Zero,
  Int,
  Dot,
  Frac,
  E,
  ESign,
  Exp,
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** The state after the first character of a number (`-` or a digit). */
export function startNumber(c: string): NumberState {
  return c === '-' ? NumberState.Sign : c === '0' ? NumberState.Zero : NumberState.Int;
}

/** True when the number read so far is complete JSON (a terminator may follow). */
export function isCompleteNumber(state: NumberState): boolean {
  return (
    state === NumberState.Zero ||
    state === NumberState.Int ||
    state === NumberState.Frac ||
    state === NumberState.Exp
  );
}

/**
 * The state after reading `c`, or `undefined` when `c` cannot continue the number (it is then
 * a terminator if the number is complete, else a syntax error). Leading zeros (`01`), a bare
 * `-`, `1.` and `1e` are rejected exactly as `JSON.parse` rejects them.
 */
export function stepNumber(state: NumberState, c: string): NumberState | undefined {
  const digit = isDigit(c);
  switch (state) {
    case NumberState.Sign:
      if (c === '0') return NumberState.Zero;
      return digit ? NumberState.Int : undefined;
    case NumberState.Zero:
    case NumberState.Int:
      if (digit && state === NumberState.Int) return state;
      if (c === '.') return NumberState.Dot;
      return c === 'e' || c === 'E' ? NumberState.E : undefined;
    case NumberState.Dot:
      return digit ? NumberState.Frac : undefined;
    case NumberState.Frac:
      if (digit) return state;
      return c === 'e' || c === 'E' ? NumberState.E : undefined;
    case NumberState.E:
      if (c === '+' || c === '-') return NumberState.ESign;
      return digit ? NumberState.Exp : undefined;
    case NumberState.ESign:
      return digit ? NumberState.Exp : undefined;
    case NumberState.Exp:
      return digit ? state : undefined;
  }
}

/**
 * Bounds on signature input, so hostile text cannot exhaust time or memory. Each is far above
 * what a real prompt signature needs.
 */
export const SIGNATURE_LIMITS = {
  /** Characters (UTF-16 code units) of signature text: 64 Ki. */
  textLength: 65_536,
  /** Nesting of types, e.g. `list[list[...]]`. */
  depth: 32,
  /** Fields, inputs and outputs together. */
  fields: 1_000,
  /** Values of one `Literal[...]`. */
  literalValues: 1_000,
  /** Characters of a field or signature name. */
  name: 128,
} as const;

/** A snake_case name in camelCase, as the type system sees it (`compatibility_level` -> `compatibilityLevel`). */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * A wire (snake_case) body type with every key camelCased, through arrays and nested objects:
 * the type of what {@link toCamelCase} and the SDK's response mappers return. The SDK's public
 * result types are built with it from the `@llmsr/spec/rest` schemas, so a field renamed or
 * retyped on the wire changes (or breaks) the SDK's types instead of drifting from them.
 */
export type CamelCaseKeys<T> = T extends readonly (infer Item)[]
  ? CamelCaseKeys<Item>[]
  : T extends object
    ? { [K in keyof T as K extends string ? CamelCase<K> : K]: CamelCaseKeys<T[K]> }
    : T;

/**
 * `T` with some fields retyped. The keys of `Fields` must be keys of `T`, so an override of a
 * field the wire no longer has fails to compile. Used where the SDK's API deliberately differs
 * from the wire (a field the Connect transport may leave unset reads as null, for example).
 */
export type WithFields<
  T,
  Fields extends { [K in keyof Fields]: K extends keyof T ? unknown : never },
> = Omit<T, keyof Fields> & Fields;

/** `T` with each optional field required and `null` when absent (how the SDK reports "not set"). */
export type NullWhenAbsent<T> = {
  [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K];
};

/** `T` with each optional field present, `undefined` when absent (mapped over `Required<T>`'s keys so `undefined` stays). */
export type UndefinedWhenAbsent<T> = { [K in keyof Required<T>]: T[K] };

/**
 * `@llmsr/spec`: the one definition of llmsr's domain vocabulary and REST contract, imported by
 * every other package instead of declaring its own.
 *
 * @packageDocumentation
 */
export {};

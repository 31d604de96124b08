/**
 * `@llmsr/llm`: LLM tools for schemas, usable without a registry.
 *
 * @packageDocumentation
 */

// Signatures and ML types
export {};

// Provider structured-output lint and transform, output parsing

/**
 * The in-process memory backend of `@llmsr/storage`.
 * @module
 */

export { MemoryStore } from './memory-store.js';

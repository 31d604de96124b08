import { MemoryStore } from '../src/memory/index.js';
import { runStoreConformance } from './conformance.js';

runStoreConformance({ name: 'memory', createStore: async () => new MemoryStore() });

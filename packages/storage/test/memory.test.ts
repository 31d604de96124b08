import { MemoryStore } from '../src/memory/index.js';
import { runStoreConformance } from './conformance.js';
import { runEventConformance } from './event-conformance.js';

runStoreConformance({ name: 'memory', createStore: async () => new MemoryStore() });
runEventConformance({ name: 'memory', createStore: async () => new MemoryStore() });

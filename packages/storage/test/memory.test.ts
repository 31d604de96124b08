import { MemoryStore } from '../src/memory/index.js';
import { runAuthConformance } from './auth-conformance.js';
import { runStoreConformance } from './conformance.js';
import { runEventConformance } from './event-conformance.js';
import { runIdMarkConformance } from './id-mark-conformance.js';
import { runIdentityConformance } from './identity-conformance.js';
import { runOutboxConformance } from './outbox-conformance.js';
import { runUpgradeConformance } from './upgrade-conformance.js';
import { runWatchConformance } from './watch-conformance.js';

runAuthConformance({ name: 'memory', createStore: async () => new MemoryStore() });
runStoreConformance({ name: 'memory', createStore: async () => new MemoryStore() });
runEventConformance({ name: 'memory', createStore: async () => new MemoryStore() });
runIdMarkConformance({
  name: 'memory',
  createStore: async () => new MemoryStore(),
  freshDatabase: async () => ({ open: async () => new MemoryStore(), dispose: async () => {} }),
});
runIdentityConformance({ name: 'memory', createStore: async () => new MemoryStore() });
runOutboxConformance({
  name: 'memory',
  createStore: async () => new MemoryStore(),
  createStoreWith: async (options) => new MemoryStore(options),
});
runUpgradeConformance({
  name: 'memory',
  freshDatabase: async () => ({ open: async () => new MemoryStore(), dispose: async () => {} }),
  shared: false,
});
runWatchConformance({ name: 'memory', createStore: async () => new MemoryStore() });

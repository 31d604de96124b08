/**
 * @llmsr/server: the llmsr REST server (Hono).
 * @module
 */
export { createApp } from './create-app.js';
export { ERROR_STATUS } from './error-status.js';
export { loadConfig, type ServerConfig } from './load-config.js';
export { type AppOptions, type BodyLimits, DEFAULT_LIMITS } from './server-options.js';
export { type RunningServer, startServer } from './start-server.js';

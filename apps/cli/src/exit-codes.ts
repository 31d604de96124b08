/**
 * Process exit codes: success, a negative verdict (invalid, incompatible, rejected), usage or
 * connection trouble, and a registry that refused the credentials (401) or the rights (403), so
 * scripts can tell "log in again" from "the schema is wrong".
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, auth: 3 } as const;

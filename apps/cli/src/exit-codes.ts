/** Process exit codes: success, a negative verdict (invalid, incompatible, rejected), usage or connection trouble. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

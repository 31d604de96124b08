import type { CliOutput } from './cli-io.js';

/** A progress line redrawn in place on a terminal, and silent elsewhere (pipes, files, tests). */
export interface Progress {
  /** Offer a new status; drawn at most every `intervalMs`. */
  update(text: () => string): void;
  /** Erase the line. */
  done(): void;
}

/** Create a {@link Progress} on `out`, drawing only when `out.isTTY`. */
export function createProgress(out: CliOutput, intervalMs = 100): Progress {
  let last = 0;
  let drawn = false;
  return {
    update(text) {
      if (!out.isTTY) return;
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      drawn = true;
      out.write(`\r\x1b[K${text()}`);
    },
    done() {
      if (drawn) out.write('\r\x1b[K');
      drawn = false;
    },
  };
}

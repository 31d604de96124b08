import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * The lines of a stream (LF or CRLF), read only once iteration starts: a readline interface
 * created early emits lines before anyone listens, and those would be lost.
 */
export async function* readLines(input: Readable): AsyncGenerator<string, void, undefined> {
  yield* createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UsageError } from './usage-error.js';

/** Largest schema or document read whole (files and stdin), in bytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Read a whole stream as UTF-8, refusing more than `MAX_INPUT_BYTES`. */
export async function readStreamText(stream: Readable, command: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) {
      throw new UsageError(`standard input is larger than ${MAX_INPUT_BYTES} bytes`, command);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of a file, or of stdin when `path` is `-` or absent. */
export async function readTextInput(
  path: string | undefined,
  stdin: Readable,
  command: string,
): Promise<string> {
  if (path === undefined || path === '-') return readStreamText(stdin, command);
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_INPUT_BYTES) {
      throw new UsageError(`${path} is larger than ${MAX_INPUT_BYTES} bytes`, command);
    }
    return buffer.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      command,
    );
  }
}

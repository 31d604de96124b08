import type { IncomingMessage } from 'node:http';
import { RegistryError } from '@llmsr/core';
import type { Context } from 'hono';

/**
 * Read a request body as JSON, refusing bodies over `limit` bytes (413) and malformed JSON (400
 * with the parser's position). Reads the stream itself so an oversized body is never buffered whole.
 */
export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  const text = await readTextOrAborted(c, limit);
  if (text.trim() === '') {
    throw new RegistryError('INVALID_INPUT', 'The request body is empty; send a JSON object', {});
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError) {
      throw new RegistryError('INVALID_INPUT', 'The request body is nested too deeply', {});
    }
    throw new RegistryError('INVALID_INPUT', `Malformed JSON body: ${message}`, { body: 'json' });
  }
}

/** Read a JSON body that must be an object. */
export async function readJsonObject(c: Context, limit: number): Promise<Record<string, unknown>> {
  const value = await readJsonBody(c, limit);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RegistryError('INVALID_INPUT', 'The request body must be a JSON object', {});
  }
  return value as Record<string, unknown>;
}

/** Key of the context flag {@link requestLogger} reads to log an aborted upload as such. */
export const REQUEST_ABORTED = 'llmsrRequestAborted';

/**
 * Read the body; a client that hangs up mid-upload is its own mistake, not a server fault:
 * it answers `INVALID_INPUT` (nobody reads it) and is flagged for the request log.
 */
async function readTextOrAborted(c: Context, limit: number): Promise<string> {
  try {
    return await readText(c, limit);
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    c.set(REQUEST_ABORTED as never, true as never);
    throw new RegistryError(
      'INVALID_INPUT',
      'The request was aborted before its body was complete',
      { aborted: true },
      { cause: error },
    );
  }
}

async function readText(c: Context, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Under @hono/node-server, read the Node request itself: touching `c.req.raw.body` builds a
  // full web Request and stream, which costs more than the rest of a small validate call.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && !incoming.readableEnded) {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > limit) {
        incoming.resume();
        throw tooLarge(limit);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limit: number): RegistryError {
  return new RegistryError('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes`, {
    limit,
  });
}

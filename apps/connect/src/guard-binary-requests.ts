import { fromBinary } from '@bufbuild/protobuf';
import {
  Code,
  ConnectError,
  type ConnectRouter,
  createContextKey,
  type HandlerContext,
} from '@connectrpc/connect';
import type { UniversalHandler, UniversalServerRequest } from '@connectrpc/connect/protocol';

/** Set on a request whose binary message does not parse; read by {@link refuseMalformedMessage}. */
const MALFORMED = createContextKey<string | undefined>(undefined, {
  description: 'why the request message is not valid protobuf',
});

const BINARY_UNARY = /^application\/proto(?:;|$)/i;
const ENVELOPED = /^application\/grpc(?:-web)?(?:\+proto)?(?:;|$)/i;

/**
 * Wrap every unary handler of a router so that a binary body that is not a valid message of the
 * method's input answers INVALID_ARGUMENT. Connect's own binary parser reports such bodies as
 * INTERNAL (it cannot tell a client's garbage from a server fault); this parses the buffered
 * message first and lets {@link refuseMalformedMessage} fail the call through the protocol's own
 * error path (Connect JSON error, gRPC status, gRPC-web trailer). Compressed bodies and bodies
 * over `readMaxBytes` pass through unchecked: Connect decompresses and limits them itself.
 */
export function guardBinaryRequests(router: ConnectRouter, readMaxBytes: number): void {
  const handlers = router.handlers;
  for (const [index, handler] of handlers.entries()) {
    if (handler.method.methodKind !== 'unary') continue;
    const guarded = async (request: UniversalServerRequest) => {
      const type = request.header.get('content-type') ?? '';
      const connect = BINARY_UNARY.test(type);
      if (
        request.method !== 'POST' ||
        (!connect && !ENVELOPED.test(type)) ||
        !isByteStream(request.body)
      ) {
        return handler(request);
      }
      const { bytes, rest } = await bufferUpTo(request.body, readMaxBytes);
      if (rest === undefined) {
        const encoding = request.header.get(connect ? 'content-encoding' : 'grpc-encoding');
        const problem =
          encoding && encoding !== 'identity'
            ? undefined
            : connect
              ? parseProblem(handler, bytes)
              : envelopeProblem(handler, bytes);
        if (problem !== undefined) request.contextValues?.set(MALFORMED, problem);
      }
      return handler({ ...request, body: replay(bytes, rest) });
    };
    handlers[index] = Object.assign(guarded, handler);
  }
}

/** The request gate that fails a call marked by {@link guardBinaryRequests}. */
export function refuseMalformedMessage(context: HandlerContext): void {
  const problem = context.values.get(MALFORMED);
  if (problem !== undefined) {
    throw new ConnectError(
      `The request message is not a valid ${context.method.input.typeName}: ${problem}`,
      Code.InvalidArgument,
    );
  }
}

function isByteStream(body: UniversalServerRequest['body']): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

function parseProblem(handler: UniversalHandler, bytes: Uint8Array): string | undefined {
  try {
    fromBinary(handler.method.input, bytes);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Check each complete, uncompressed data frame of a gRPC / gRPC-web body. */
function envelopeProblem(handler: UniversalHandler, bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + 5 <= bytes.byteLength) {
    const flags = view.getUint8(offset);
    const length = view.getUint32(offset + 1);
    const end = offset + 5 + length;
    // Truncated frames and compressed or trailer frames are Connect's to report.
    if (end > bytes.byteLength) return undefined;
    if (flags === 0) {
      const problem = parseProblem(handler, bytes.subarray(offset + 5, end));
      if (problem !== undefined) return problem;
    }
    offset = end;
  }
  return undefined;
}

/** Read chunks until the body ends or passes `limit` bytes; `rest` is the unread remainder then. */
async function bufferUpTo(
  body: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<{ bytes: Uint8Array; rest: AsyncIterator<Uint8Array> | undefined }> {
  const iterator = body[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { bytes: Buffer.concat(chunks), rest: undefined };
    chunks.push(next.value);
    size += next.value.byteLength;
    if (size > limit) return { bytes: Buffer.concat(chunks), rest: iterator };
  }
}

async function* replay(
  bytes: Uint8Array,
  rest: AsyncIterator<Uint8Array> | undefined,
): AsyncIterable<Uint8Array> {
  yield bytes;
  if (!rest) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

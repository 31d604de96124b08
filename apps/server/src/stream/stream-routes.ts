import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { isRegistryError, type Registry, RegistryError } from '@llmsr/core';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import { errorResponse } from '../error-response.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { openChangeFeed } from './open-change-feed.js';
import { parseLastEventId } from './parse-last-event-id.js';
import { toChangeBody } from './to-change-body.js';

/** Options of {@link streamRoutes}. */
export interface StreamRouteOptions {
  /** Ends every open stream when aborted (server shutdown). */
  shutdown?: AbortSignal | undefined;
  /** Milliseconds between keep-alive comments; 15 s by default. */
  heartbeatMs?: number | undefined;
  /** Streams open at once; past it 503 `TOO_MANY_STREAMS`. 1,000 by default. */
  maxClients?: number | undefined;
}

/**
 * `GET /api/v1/stream/changes` as Server-Sent Events: `schema.registered`, `schema.deleted` and
 * `config.changed`, each with its id; `Last-Event-ID` (or `?last_event_id=`) replays what was
 * missed. The WebSocket variant of the same path is served by `attachChangeWebSocket`.
 */
export function streamRoutes(registry: Registry, options: StreamRouteOptions = {}): OpenAPIHono {
  const app = createRouteApp();
  const maxClients = options.maxClients ?? 1_000;
  let open = 0;

  addRoute(
    app,
    changes,
    (c) => {
      const afterId = parseLastEventId(c.req.header('last-event-id'), c.req.query('last_event_id'));
      if (open >= maxClients) {
        const response = errorResponse(
          c,
          new RegistryError(
            'TOO_MANY_STREAMS',
            `At most ${maxClients} change streams may be open at once`,
            {
              limit: maxClients,
            },
          ),
        );
        response.headers.set('Retry-After', '5');
        return response;
      }
      open++;
      const principal = principalOf(c);
      return streamSSE(c, async (stream) => {
        const feed = openChangeFeed(
          registry,
          afterId,
          (event) => {
            if (!registry.access.canSeeEvent(principal, event)) return;
            void stream
              .writeSSE({
                id: String(event.id),
                event: event.type,
                data: JSON.stringify(toChangeBody(event)),
              })
              .catch(() => feed.close());
          },
          (gap) => {
            void stream
              .writeSSE({
                event: 'stream.gap',
                data: JSON.stringify({ last_event_id: gap.lastEventId, oldest_id: gap.oldestId }),
              })
              .catch(() => feed.close());
          },
        );
        let finish: () => void = () => {};
        const finished = new Promise<void>((resolve) => {
          finish = resolve;
        });
        stream.onAbort(() => {
          feed.close();
          finish();
        });
        const onShutdown = () => {
          feed.close();
          finish();
        };
        options.shutdown?.addEventListener('abort', onShutdown, { once: true });
        if (options.shutdown?.aborted) onShutdown();
        const heartbeat = setInterval(() => {
          void stream.write(': keep-alive\n\n').catch(() => finish());
        }, options.heartbeatMs ?? 15_000);
        try {
          await stream.write(': connected\n\n');
          try {
            await feed.ready;
          } catch (error) {
            // Replay failed (storage unreachable): say so and end, so the client reconnects later.
            const code = isRegistryError(error) ? error.code : 'INTERNAL';
            await stream.writeSSE({ event: 'error', data: JSON.stringify({ error_code: code }) });
            return;
          }
          await finished;
        } finally {
          open--;
          clearInterval(heartbeat);
          options.shutdown?.removeEventListener('abort', onShutdown);
          feed.close();
        }
      });
    },
    { access: { action: 'changes.read' } },
  );

  return app;
}

const lastEventId = 'The id of the last event seen: replays what came after it (up to 15 digits)';

const changes = createRoute({
  method: 'get',
  path: '/changes',
  operationId: 'streamChanges',
  tags: ['Streams'],
  summary: 'Change events as server-sent events (WebSocket on the same path)',
  description:
    'Events `schema.registered` ({ id, type, subject, version, schema_id, at }), `schema.deleted` ({ id, type, subject, version, permanent, at }) and `config.changed` ({ id, type, subject, at }), each with its SSE id; `stream.gap` ({ last_event_id, oldest_id }) when events were lost; keep-alive comments every 15 s. Upgrading to WebSocket sends the same JSON objects as messages.',
  request: {
    query: z.object({
      last_event_id: z.string().optional().meta({ description: lastEventId, example: '42' }),
    }),
    headers: z.object({
      'last-event-id': z.string().optional().meta({ description: lastEventId }),
    }),
  },
  responses: {
    200: {
      description: 'A text/event-stream of change events',
      content: {
        'text/event-stream': {
          schema: z.string().meta({
            example:
              'id: 7\nevent: schema.registered\ndata: {"id":7,"type":"schema.registered","subject":"orders-value","version":2,"schema_id":3,"at":"2026-01-01T00:00:00.000Z"}\n\n',
          }),
        },
      },
    },
    ...errorResponses(400),
  },
});

import { z } from 'zod';

/** `GET /`: what this server is and where to go next. */
export const RootBody = z
  .object({
    name: z.literal('llmsr'),
    version: z.string().meta({ example: '0.1.0' }),
    links: z.object({
      docs: z.string().meta({ example: '/docs' }),
      openapi: z.string().meta({ example: '/openapi.json' }),
      health: z.string().meta({ example: '/health' }),
      metrics: z.string().meta({ example: '/metrics' }),
      console: z.string().optional().meta({ description: 'The web console, when served' }),
    }),
  })
  .meta({ id: 'Root', description: 'Server name, version and links' });

/** `GET /`. */
export type RootBody = z.output<typeof RootBody>;

import { z } from 'zod';

/** The answer to a Confluent compatibility check; `messages` with `?verbose=true`. */
export const ConfluentCompatibilityResponse = z
  .object({
    is_compatible: z.boolean(),
    messages: z.array(z.string()).optional().meta({ description: 'With verbose=true: why not' }),
  })
  .meta({ id: 'ConfluentCompatibilityResponse' });

import { z } from 'zod';

const mode = z.string().meta({
  description: 'READWRITE, READONLY, READONLY_OVERRIDE or IMPORT',
  example: 'READWRITE',
});

/** The body of `PUT /mode[/{subject}]`. */
export const ConfluentModeRequest = z
  .object({ mode })
  .meta({ id: 'ConfluentModeRequest', description: 'The mode to set' });

/** A mode as `/mode[/{subject}]` answers it. */
export const ConfluentMode = z.object({ mode }).meta({ id: 'ConfluentMode' });

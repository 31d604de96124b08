import { z } from 'zod';

/**
 * One `config` or `resource` line of an export (`POST /api/v1/import`); versions are imported
 * through `POST /api/v1/schemas` in IMPORT mode. The server checks the fields per kind.
 */
export const ImportLine = z
  .looseObject({
    kind: z.unknown().optional().meta({ description: 'config or resource', example: 'config' }),
    subject: z.unknown().optional().meta({ description: 'config: the subject, null for global' }),
    compatibility_level: z.unknown().optional(),
    mode: z.unknown().optional(),
    extra: z.unknown().optional().meta({ description: 'config: the extra fields' }),
    resource_kind: z.unknown().optional().meta({ example: 'variable-space' }),
    id: z.unknown().optional(),
    document: z.unknown().optional(),
  })
  .meta({ id: 'ImportLine' });

/** What an import line did. */
export const ImportResult = z
  .object({ outcome: z.enum(['applied', 'skipped']) })
  .meta({ id: 'ImportResult' });

import { z } from 'zod';

/** `{id}`: a schema's global integer id or guid. */
export const SchemaIdParams = z.object({
  id: z.string().meta({
    param: { name: 'id', in: 'path' },
    description: 'Global integer id or guid of the schema',
    example: '1',
  }),
});

/** `{subject}`. */
export const SubjectParams = z.object({
  subject: z.string().meta({
    param: { name: 'subject', in: 'path' },
    description: 'Subject name',
    example: 'orders-value',
  }),
});

const version = z.string().meta({
  param: { name: 'version', in: 'path' },
  description: 'Version number, semver or `latest`',
  example: 'latest',
});

/** `{subject}/versions/{version}`. */
export const SubjectVersionParams = SubjectParams.extend({ version });

/** `{id}/versions/{version}`. */
export const SchemaVersionParams = SchemaIdParams.extend({ version });

/** `{id}` of a variable space. */
export const SpaceIdParams = z.object({
  id: z.string().meta({
    param: { name: 'id', in: 'path' },
    description: 'Variable space id',
    example: 'llm-call',
  }),
});

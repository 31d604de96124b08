import { z } from 'zod';

/** Subject names (`GET /api/v1/subjects`). */
export const SubjectList = z
  .array(z.string())
  .meta({ id: 'SubjectList', example: ['orders-value', 'users-value'] });

/** The answer to deleting a subject. */
export const DeleteSubjectResponse = z
  .object({
    subject: z.string(),
    deleted_versions: z.array(z.number().int()),
  })
  .meta({ id: 'DeleteSubjectResponse' });

/** The answer to deleting a subject. */
export type DeleteSubjectResponse = z.output<typeof DeleteSubjectResponse>;

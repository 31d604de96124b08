import { ConfluentRegisterRequest } from '@llmsr/spec/rest';
import { z } from 'zod';
import {
  confluentErrors,
  confluentRequestBody,
  confluentResponse,
  flagQuery,
  SubjectParam,
} from './confluent-openapi.js';

/**
 * The `request` and `responses` of posting a schema to a subject (registering it, or looking it
 * up): the `{subject}` param, `normalize` (then `query`), a `ConfluentRegisterRequest` body, and
 * `200` with `answer` or the errors 400, `status`, 413 and 422.
 */
export function confluentSchemaPost<
  Answer extends z.ZodType,
  Status extends 404 | 409,
  Query extends Record<string, z.ZodType>,
>(answer: { description: string; schema: Answer }, status: Status, query: Query) {
  return {
    request: {
      params: z.object({ subject: SubjectParam }),
      query: z.object({
        normalize: flagQuery('Normalize the schema first (default: the subject config)'),
        ...query,
      }),
      body: confluentRequestBody(ConfluentRegisterRequest),
    },
    responses: {
      200: confluentResponse(answer.description, answer.schema),
      ...confluentErrors<400 | Status | 413 | 422>(400, status, 413, 422),
    },
  };
}

import { defaultPayloadResolver } from './message-payload-schemas.js';
import { OrchestrationError } from './orchestration-error.js';
import { formatSchemaRef, type SchemaRef, type SchemaResolver } from './schema-resolver.js';

/** The kinds of message processes exchange. */
export const MESSAGE_TYPES = Object.freeze([
  'execute',
  'result',
  'error',
  'status_update',
  'custom',
] as const);
/** A message type, see {@link MESSAGE_TYPES}. */
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** A validated message between processes. */
export interface Message {
  from: string;
  to: string;
  type: MessageType;
  payload: unknown;
  correlationId: string;
  /** Epoch milliseconds. */
  timestamp: number;
  /** 1 (lowest) to 10 (highest); 5 unless given. */
  priority: number;
  /** For `custom` messages: the registry subject the payload must satisfy. */
  schema?: SchemaRef;
}

/** Input of {@link MessageValidator.create}: the fields a sender chooses. */
export interface MessageInput {
  from: string;
  to: string;
  type: string;
  payload: unknown;
  correlationId?: string;
  priority?: number;
  schema?: SchemaRef;
}

/** Options of {@link createMessageValidator}. */
export interface MessageValidatorOptions {
  /** Resolves the payload schema references below and `custom` messages' `schema`. */
  resolver?: SchemaResolver;
  /** Payload schema per message type, replacing the built-in one for that type. */
  payloadSchemas?: Partial<Record<MessageType, SchemaRef>>;
  now?: () => number;
  newId?: () => string;
}

/** Checks and completes messages. */
export interface MessageValidator {
  /** Validates the input and returns a full message; throws `INVALID_INPUT` with every problem. */
  create(input: MessageInput): Promise<Message>;
}

const MAX_ID_LENGTH = 256;

/**
 * Builds a message validator: envelope fields are checked, then the payload against its type's
 * schema (the built-in one, or the reference given in `payloadSchemas`), and a `custom` message
 * with a `schema` against that subject too.
 *
 * @example
 * ```ts
 * const messages = createMessageValidator();
 * const m = await messages.create({ from: 'a', to: 'b', type: 'status_update', payload: { status: 'running' } });
 * m.priority; // 5
 * ```
 */
export function createMessageValidator(options: MessageValidatorOptions = {}): MessageValidator {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());

  async function resolveOrThrow(resolver: SchemaResolver, ref: SchemaRef, path: string) {
    const resolved = await resolver.resolveSchema(ref);
    if (!resolved) {
      throw new OrchestrationError(
        'SCHEMA_NOT_FOUND',
        `no schema ${formatSchemaRef(ref)} for ${path}`,
        {
          path,
          schema: ref,
        },
      );
    }
    return resolved;
  }

  return {
    async create(input) {
      const problems = envelopeProblems(input);
      if (problems.length > 0) {
        throw new OrchestrationError(
          'INVALID_INPUT',
          `invalid message: ${problems[0]!.path} ${problems[0]!.message}`,
          {
            problems,
          },
        );
      }
      const type = input.type as MessageType;
      const custom = options.payloadSchemas?.[type];
      const payloadSchema = custom
        ? await resolveOrThrow(requireResolver(options.resolver), custom, '/payload')
        : await resolveOrThrow(
            defaultPayloadResolver,
            { subject: `message.${type}`, version: 1 },
            '/payload',
          );
      const checks = [payloadSchema];
      if (input.schema)
        checks.push(
          await resolveOrThrow(requireResolver(options.resolver), input.schema, '/schema'),
        );
      for (const check of checks) {
        const result = check.validate(input.payload);
        if (!result.valid) {
          const payloadProblems = result.problems.map((p) => ({
            path: `/payload${p.path === '/' ? '' : p.path}`,
            message: p.message,
          }));
          throw new OrchestrationError(
            'INVALID_INPUT',
            `invalid ${type} payload (${formatSchemaRef(check.ref)}): ${payloadProblems[0]?.path} ${payloadProblems[0]?.message}`,
            { problems: payloadProblems, schema: check.ref },
          );
        }
      }
      const message: Message = {
        from: input.from,
        to: input.to,
        type,
        payload: input.payload,
        correlationId: input.correlationId ?? newId(),
        timestamp: now(),
        priority: input.priority ?? 5,
      };
      if (input.schema) message.schema = input.schema;
      return message;
    },
  };
}

function requireResolver(resolver: SchemaResolver | undefined): SchemaResolver {
  if (!resolver) {
    throw new OrchestrationError(
      'SCHEMA_NOT_FOUND',
      'a schema reference needs a resolver; none was given',
    );
  }
  return resolver;
}

function envelopeProblems(input: MessageInput): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
      problems.push({
        path: `/${field}`,
        message: `must be a process id (1..${MAX_ID_LENGTH} characters)`,
      });
    }
  }
  if (!(MESSAGE_TYPES as readonly string[]).includes(input.type)) {
    problems.push({ path: '/type', message: `must be one of ${MESSAGE_TYPES.join(', ')}` });
  }
  if (
    input.correlationId !== undefined &&
    (typeof input.correlationId !== 'string' ||
      input.correlationId.length === 0 ||
      input.correlationId.length > MAX_ID_LENGTH)
  ) {
    problems.push({
      path: '/correlationId',
      message: `must be a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    });
  }
  if (
    input.priority !== undefined &&
    !(Number.isInteger(input.priority) && input.priority >= 1 && input.priority <= 10)
  ) {
    problems.push({ path: '/priority', message: 'must be an integer from 1 to 10' });
  }
  if (input.schema !== undefined && input.type !== 'custom') {
    problems.push({ path: '/schema', message: 'only custom messages name a payload subject' });
  }
  return problems;
}

import { jsonrepair } from 'jsonrepair';
import { coerceScalars } from './coerce-scalars.ts';
import type { OutputValidateFunction } from './compile-output-validator.ts';
import { describeRepairs, type LineIndex, type OutputRepair } from './describe-repairs.ts';
import type { JsonCandidate } from './find-json-candidates.ts';
import { type OutputValidationError, toOutputValidationErrors } from './output-validation-error.ts';
import type { CandidateReport, ParseModelOutputOptions } from './parse-model-output.ts';
import { textEdits } from './text-edits.ts';

/** Rank of a candidate status; a complete candidate adds one. */
const RANKS = { valid: 4, invalid: 2, unparseable: 0, 'too-deep': 0 } as const;

/** A candidate after parsing, repair, coercion and validation. */
export interface Evaluated {
  candidate: JsonCandidate;
  status: CandidateReport['status'];
  data?: unknown;
  errors: OutputValidationError[];
  repairs: OutputRepair[];
  repaired: boolean;
  failure?: string;
}

/** What {@link evaluateCandidate} needs besides the text. */
export interface EvaluateContext {
  readonly validate: OutputValidateFunction;
  readonly schema: unknown;
  readonly lines: LineIndex;
  readonly options: ParseModelOutputOptions;
}

/** Parses (repairing if allowed), optionally coerces, and validates one candidate. */
export function evaluateCandidate(
  text: string,
  candidate: JsonCandidate,
  context: EvaluateContext,
): Evaluated {
  const { validate, lines, options } = context;
  const source = text.slice(candidate.start, candidate.end);
  const maxDepth = options.maxDepth ?? 256;
  const base = { candidate, errors: [], repairs: [], repaired: false };
  if (nestingDepth(source) > maxDepth)
    return {
      ...base,
      status: 'too-deep',
      failure: `The JSON nests deeper than ${maxDepth} levels`,
    };
  let data: unknown;
  const repairs: OutputRepair[] = [];
  let repaired = false;
  try {
    data = JSON.parse(source);
  } catch (error) {
    if (options.repair === false)
      return { ...base, status: 'unparseable', failure: (error as Error).message };
    try {
      const fixed = jsonrepair(source);
      data = JSON.parse(fixed);
      repaired = true;
      repairs.push(
        ...describeRepairs(textEdits(source, fixed), candidate.start, source.length, lines),
      );
    } catch (repairError) {
      const position = (repairError as { position?: unknown }).position;
      const where =
        typeof position === 'number'
          ? ` at line ${lines.position(candidate.start + position).line}, column ${lines.position(candidate.start + position).column}`
          : '';
      return {
        ...base,
        status: 'unparseable',
        failure: `The JSON could not be repaired${where}: ${(repairError as Error).message}`,
      };
    }
  }
  if (options.coerce === true)
    data = coerceScalars(data, context.schema ?? schemaOf(validate), repairs);
  const valid = validate(data);
  return {
    candidate,
    status: valid ? 'valid' : 'invalid',
    data,
    errors: valid ? [] : toOutputValidationErrors(validate.errors),
    repairs,
    repaired,
  };
}

/** The schema of a compiled ajv function (`.schema`), for coercion; `undefined` when unknown. */
function schemaOf(validate: OutputValidateFunction): unknown {
  return (validate as { schema?: unknown }).schema;
}

/** The last valid candidate, else the last parsed one; complete ones win over truncated ones. */
export function chooseCandidate(evaluated: readonly Evaluated[]): Evaluated | undefined {
  let best: Evaluated | undefined;
  let bestRank = 0;
  for (const e of evaluated) {
    const rank = RANKS[e.status] + (e.candidate.complete ? 1 : 0);
    if (RANKS[e.status] > 0 && rank >= bestRank) {
      best = e;
      bestRank = rank;
    }
  }
  return best;
}

/** Bracket depth of JSON text outside strings, computed without parsing. */
function nestingDepth(source: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

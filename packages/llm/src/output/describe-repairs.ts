import type { TextEdit } from './text-edits.ts';

/** One change made to get from the model's text to the validated data. */
export interface OutputRepair {
  /**
   * `extract`: the JSON was cut out of surrounding text or a fence; `syntax`: a JSON syntax fix;
   * `truncation`: closing text appended to a cut-off reply; `coerce`: a scalar converted to the
   * schema's type.
   */
  readonly kind: 'extract' | 'syntax' | 'truncation' | 'coerce';
  readonly message: string;
  /** Offset, 1-based line and column in the model text, for text repairs. */
  readonly offset?: number;
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer into the data, for coercions. */
  readonly path?: string;
  readonly removed?: string;
  readonly inserted?: string;
}

/** Maps offsets of a text to 1-based line and column. */
export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

/** Creates a {@link LineIndex} over `text` (binary search over line starts). */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    position(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: offset - starts[low]! + 1 };
    },
  };
}

const MAX_SHOWN = 40;

function show(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(shown);
}

/** Names what a repair edit did, in words a reader (or a model) understands. */
function describe(
  edit: TextEdit,
  candidateEnd: number,
): { kind: OutputRepair['kind']; message: string } {
  const { removed, inserted } = edit;
  const removedTrim = removed.trim();
  if (removed === '' && edit.offset >= candidateEnd) {
    return {
      kind: 'truncation',
      message: `appended ${show(inserted)} to complete the cut-off JSON`,
    };
  }
  if (inserted === '') {
    if (removedTrim === ',') return { kind: 'syntax', message: 'removed a trailing comma' };
    if (
      removedTrim.startsWith('//') ||
      removedTrim.startsWith('/*') ||
      removedTrim.startsWith('#')
    ) {
      return { kind: 'syntax', message: `removed a comment ${show(removedTrim)}` };
    }
    return { kind: 'syntax', message: `removed ${show(removed)}` };
  }
  if (
    (removed === "'" ||
      removed === '`' ||
      removed === '\u2018' ||
      removed === '\u2019' ||
      removed === '\u201c' ||
      removed === '\u201d') &&
    inserted === '"'
  ) {
    return { kind: 'syntax', message: `replaced the quote ${show(removed)} with a double quote` };
  }
  if (removed === '') {
    if (inserted === '"') return { kind: 'syntax', message: 'added a missing double quote' };
    if (inserted.trim() === ',') return { kind: 'syntax', message: 'added a missing comma' };
    return { kind: 'syntax', message: `inserted ${show(inserted)}` };
  }
  return { kind: 'syntax', message: `replaced ${show(removed)} with ${show(inserted)}` };
}

/** Turns the edits of a candidate (offsets relative to it) into repairs positioned in the model text. */
export function describeRepairs(
  edits: readonly TextEdit[],
  candidateStart: number,
  candidateLength: number,
  lines: LineIndex,
): OutputRepair[] {
  return edits.map((edit) => {
    const offset = candidateStart + edit.offset;
    const { kind, message } = describe(edit, candidateLength);
    return {
      kind,
      message,
      offset,
      ...lines.position(offset),
      ...(edit.removed === '' ? {} : { removed: edit.removed }),
      ...(edit.inserted === '' ? {} : { inserted: edit.inserted }),
    };
  });
}

/** A position in a `.proto` text, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Line and column of a character offset. */
export function positionAt(source: string, offset: number): SourcePosition {
  const before = source.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `token` appears (its `occurrence`-th time) as a whole word, searching from `line`
 * (1-based) when given;
 * protobufjs reports lines only, so this recovers a column for its errors.
 */
export function locateToken(
  source: string,
  token: string,
  line?: number,
  occurrence = 1,
): SourcePosition | undefined {
  const pattern = new RegExp(`(^|[^\\w.])${escapeRegExp(token)}(?![\\w])`, 'g');
  let start = 0;
  if (line !== undefined && line > 1) {
    let seen = 1;
    while (seen < line && start >= 0) {
      start = source.indexOf('\n', start) + 1;
      if (start === 0) return undefined;
      seen++;
    }
  }
  pattern.lastIndex = start;
  let match: RegExpExecArray | null = null;
  for (let found = 0; found < occurrence; found++) {
    match = pattern.exec(source);
    if (match === null) return undefined;
  }
  return positionAt(source, match!.index + match![1]!.length);
}

/**
 * Whether braces/brackets/angle-free blocks nest deeper than `max`, skipping strings and
 * comments. Checked before protobufjs sees the text so hostile nesting fails fast.
 */
export function nestingExceeds(source: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
    } else if (char === '"' || char === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== char && source[j] !== '\n')
        j += source[j] === '\\' ? 2 : 1;
      i = j;
    } else if (char === '{' || char === '[' || char === '(') {
      if (++depth > max) return true;
    } else if (char === '}' || char === ']' || char === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

/** Where a regular expression first matches (its first capture group, if any). */
export function locatePattern(source: string, pattern: RegExp): SourcePosition | undefined {
  const match = pattern.exec(source);
  if (match === null) return undefined;
  const offset = match[1] === undefined ? match.index : match.index + match[0].indexOf(match[1]);
  return positionAt(source, offset);
}

/** A stretch of model text that may hold the JSON answer. */
export interface JsonCandidate {
  /** Offsets into the model text: `text.slice(start, end)` is the candidate. */
  readonly start: number;
  readonly end: number;
  /** Where it was found: a fenced code block, or bare in the text. */
  readonly source: 'fence' | 'text';
  /** False when the text ends before the JSON (or the fence) closes: a truncated reply. */
  readonly complete: boolean;
}

/** Fence languages that announce JSON; an unlabelled fence counts when its body starts like JSON. */
const JSON_LANGUAGES = new Set(['json', 'jsonc', 'json5', 'javascript', 'js', '']);
const FENCE = /```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n/g;

/**
 * Finds JSON candidates in model text: fenced code blocks (```json, or unlabelled ones whose
 * body starts with `{` or `[`), then bare `{...}` / `[...]` spans outside fences, found with a
 * string-aware bracket scanner. Linear in the text length: a scan that reaches the end of the
 * text unclosed ends the search (everything after is inside it), and a mismatched bracket skips
 * only its opening character, with total work capped at a few passes over the text.
 *
 * @example
 * ```ts
 * findJsonCandidates('Sure: {"a": 1} and ```json\n[2]\n```').map((c) => c.source);
 * // ['text', 'fence'] (in text order)
 * ```
 */
export function findJsonCandidates(text: string): JsonCandidate[] {
  const candidates: JsonCandidate[] = [];
  const fences: { start: number; end: number }[] = [];
  FENCE.lastIndex = 0;
  for (let match = FENCE.exec(text); match !== null; match = FENCE.exec(text)) {
    const bodyStart = match.index + match[0].length;
    const close = text.indexOf('```', bodyStart);
    const bodyEnd = close < 0 ? text.length : close;
    const fenceEnd = close < 0 ? text.length : close + 3;
    fences.push({ start: match.index, end: fenceEnd });
    FENCE.lastIndex = fenceEnd;
    const language = (match[1] ?? '').toLowerCase();
    const body = text.slice(bodyStart, bodyEnd);
    const lead = body.search(/\S/);
    if (lead < 0 || !JSON_LANGUAGES.has(language)) continue;
    if (
      language !== 'json' &&
      language !== 'jsonc' &&
      language !== 'json5' &&
      !/[[{]/.test(body[lead]!)
    )
      continue;
    let trail = body.length;
    while (trail > lead && /\s/.test(body[trail - 1]!)) trail--;
    candidates.push({
      start: bodyStart + lead,
      end: bodyStart + trail,
      source: 'fence',
      complete: close >= 0,
    });
  }
  let fenceIndex = 0;
  let budget = text.length * 4 + 1024;
  for (let i = 0; i < text.length && budget > 0; i++) {
    while (fenceIndex < fences.length && fences[fenceIndex]!.end <= i) fenceIndex++;
    const fence = fences[fenceIndex];
    if (fence !== undefined && fence.start <= i) {
      i = fence.end - 1;
      continue;
    }
    const c = text[i];
    if (c !== '{' && c !== '[') continue;
    const limit = fence?.start ?? text.length;
    const scan = scanBalanced(text, i, limit);
    budget -= scan.steps;
    if (scan.kind === 'closed') {
      candidates.push({ start: i, end: scan.end, source: 'text', complete: true });
      i = scan.end - 1;
    } else if (scan.kind === 'open') {
      candidates.push({ start: i, end: limit, source: 'text', complete: false });
      i = limit - 1;
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** Scans from an opening bracket to its match, skipping strings; reports how the scan ended. */
function scanBalanced(
  text: string,
  start: number,
  limit: number,
): { kind: 'closed' | 'open' | 'mismatch'; end: number; steps: number } {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') stack.push('}');
    else if (c === '[') stack.push(']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return { kind: 'mismatch', end: i, steps: i - start + 1 };
      if (stack.length === 0) return { kind: 'closed', end: i + 1, steps: i - start + 1 };
    }
  }
  return { kind: 'open', end: limit, steps: limit - start };
}

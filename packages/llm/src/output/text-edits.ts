/** One edit between two texts: `removed` at `offset` of the old text became `inserted`. */
export interface TextEdit {
  readonly offset: number;
  readonly removed: string;
  readonly inserted: string;
}

/** Most edit distance the diff explores before reporting the whole middle as one edit. */
const MAX_EDIT_DISTANCE = 400;

/**
 * The edits that turn `before` into `after`: common prefix and suffix trimmed, then Myers'
 * O(ND) diff on characters, grouped into runs. Bounded: past {@link MAX_EDIT_DISTANCE} edits (a
 * rewrite, not a repair) the middle is reported as a single replacement.
 */
export function textEdits(before: string, after: string): TextEdit[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix])
    prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  if (a.length === 0 && b.length === 0) return [];
  // O((N + M) * D): beyond a few megabytes of differing middle the edits are not worth listing.
  const script = a.length + b.length > 2_000_000 ? undefined : myers(a, b);
  if (script === undefined) return [{ offset: prefix, removed: a, inserted: b }];
  return group(script, a, b, prefix);
}

type Step = 'keep' | 'remove' | 'insert';

/** Myers' greedy diff with a trace, or `undefined` past the distance bound. */
function myers(a: string, b: string): Step[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d, offset, a, b);
    }
    v = next;
  }
  return undefined;
}

function backtrack(
  trace: Int32Array[],
  n: number,
  m: number,
  dFinal: number,
  offset: number,
  a: string,
  b: string,
): Step[] {
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = dFinal; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && a[x - 1] === b[y - 1]) {
      steps.push('keep');
      x--;
      y--;
    }
    steps.push(down ? 'insert' : 'remove');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    steps.push('keep');
    x--;
    y--;
  }
  return steps.reverse();
}

function group(script: Step[], a: string, b: string, base: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let x = 0;
  let y = 0;
  let current: { offset: number; removed: string; inserted: string } | undefined;
  for (const step of script) {
    if (step === 'keep') {
      if (current !== undefined) edits.push(current);
      current = undefined;
      x++;
      y++;
      continue;
    }
    current ??= { offset: base + x, removed: '', inserted: '' };
    if (step === 'remove') current.removed += a[x++];
    else current.inserted += b[y++];
  }
  if (current !== undefined) edits.push(current);
  return edits;
}

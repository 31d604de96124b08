import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TextEdit, textEdits } from './text-edits.ts';

function apply(before: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += before.slice(at, edit.offset) + edit.inserted;
    at = edit.offset + edit.removed.length;
  }
  return out + before.slice(at);
}

describe('textEdits', () => {
  it('finds a removed trailing comma and an appended closer as separate edits', () => {
    expect(textEdits('{"a": 1,}', '{"a": 1}')).toEqual([{ offset: 7, removed: ',', inserted: '' }]);
    expect(textEdits("{'a': [1", '{"a": [1]}')).toEqual([
      { offset: 1, removed: "'", inserted: '"' },
      { offset: 3, removed: "'", inserted: '"' },
      { offset: 8, removed: '', inserted: ']}' },
    ]);
  });

  it('returns no edits for equal texts', () => {
    expect(textEdits('same', 'same')).toEqual([]);
  });

  it('reports a rewrite beyond the distance bound as one edit', () => {
    const before = 'a'.repeat(1000);
    const after = 'b'.repeat(1000);
    expect(textEdits(before, after)).toEqual([{ offset: 0, removed: before, inserted: after }]);
  });

  it('always produces edits that turn the first text into the second (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (before, after) => {
        const edits = textEdits(before, after);
        expect(apply(before, edits)).toBe(after);
        // Edits are ordered, disjoint and non-empty.
        let end = -1;
        for (const edit of edits) {
          expect(edit.offset).toBeGreaterThan(end);
          expect(edit.removed.length + edit.inserted.length).toBeGreaterThan(0);
          end = edit.offset + edit.removed.length - 1;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

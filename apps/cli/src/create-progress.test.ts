import { describe, expect, it } from 'vitest';
import { createProgress } from './create-progress.js';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('createProgress', () => {
  it('draws nothing when the output is not a terminal', () => {
    const { writes, out } = sink(false);
    const progress = createProgress(out, 0);
    progress.update(() => 'step');
    progress.done();
    expect(writes).toEqual([]);
  });

  it('redraws one line in place on a terminal and erases it when done', () => {
    const { writes, out } = sink(true);
    const progress = createProgress(out, 0);
    progress.update(() => 'one');
    progress.done();
    expect(writes).toEqual(['\r\x1b[Kone', '\r\x1b[K']);
  });

  it('draws at most once per interval and builds the text only when drawing', () => {
    const { writes, out } = sink(true);
    const progress = createProgress(out, 60_000);
    let built = 0;
    for (let i = 0; i < 1000; i += 1) progress.update(() => `n${++built}`);
    expect(writes).toEqual(['\r\x1b[Kn1']);
    expect(built).toBe(1);
  });
});
